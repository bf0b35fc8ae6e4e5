package cn.cfp.party;

/**
 * What a client enters to register a company (R-PTY-1): applicant, manufacturer or factory.
 */
public record ClientRegistration(String name, String nameEn, String creditCode, String address, String legalRepresentative,
                                 String contactName, String contactPhone) {
}
