package cn.cfp.party;

/** A certification body or a client company. */
public record Organisation(long id, String name, String nameEn, String creditCode, Kind kind) {

    public enum Kind { BODY, CLIENT }
}
