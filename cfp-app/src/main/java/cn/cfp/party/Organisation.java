package cn.cfp.party;

/** A certification body or a client company (applicant, manufacturer or factory; R-PTY-1). */
public record Organisation(long id, String name, String nameEn, String creditCode, Kind kind, String address,
                           String legalRepresentative, String contactName, String contactPhone, Long registeredBy) {

    public enum Kind { BODY, CLIENT }
}
