namespace Grounded.Guards.Pii;

/// <summary>The entity types the PII guard recognizes, named as Presidio (and its evaluation sets) name them.</summary>
public static class PiiTypes
{
    public const string Email = "EMAIL_ADDRESS";
    public const string Phone = "PHONE_NUMBER";
    public const string CreditCard = "CREDIT_CARD";
    public const string Iban = "IBAN_CODE";
    public const string UsSsn = "US_SSN";
    public const string IpAddress = "IP_ADDRESS";
    public const string DateOfBirth = "DATE_TIME";
    public const string StreetAddress = "STREET_ADDRESS";
    public const string Person = "PERSON";
}
