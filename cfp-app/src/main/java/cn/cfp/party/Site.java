package cn.cfp.party;

/** A production site (生产场所) of a factory. */
public record Site(long id, long organisationId, String name, String address) {
}
