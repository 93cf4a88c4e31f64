using System.Text.RegularExpressions;
using OpenPgb.Core.Common;

namespace OpenPgb.Core.CareProviders;

public enum CareProviderKind
{
    /// <summary>A company or institution, registered with the Chamber of Commerce (KvK).</summary>
    Organisation,

    /// <summary>A natural person, often an informal carer from the family (mantelzorger).</summary>
    Person,
}

/// <summary>Postal address of a care provider.</summary>
public sealed record PostalAddress(string Street, string HouseNumber, string PostalCode, string City);

/// <summary>
/// A zorgverlener: whoever the budget holder contracts care from. Payments go to its IBAN; the registration either
/// comes from the provider itself or from a budget holder's invitation, which the provider completes with the code.
/// </summary>
public sealed partial class CareProvider
{
    private CareProvider()
    {
        ProviderNumber = string.Empty;
        Name = string.Empty;
        Iban = string.Empty;
        Address = new PostalAddress(string.Empty, string.Empty, string.Empty, string.Empty);
    }

    private CareProvider(string providerNumber, CareProviderKind kind, string name, CareProviderDetails details, DateTimeOffset registeredAt)
    {
        ProviderNumber = providerNumber;
        Kind = kind;
        Name = name;
        Iban = string.Empty;
        Address = details.Address;
        Apply(details);
        RegisteredAt = registeredAt;
    }

    public long Id { get; private set; }

    /// <summary>Our own number ("ZV" and eight digits), by which budget holders can find the provider.</summary>
    public string ProviderNumber { get; private set; }

    public CareProviderKind Kind { get; private set; }

    public string Name { get; private set; }

    public string? KvkNumber { get; private set; }

    public string? AgbCode { get; private set; }

    public string? VatNumber { get; private set; }

    public PostalAddress Address { get; private set; }

    public string Iban { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Set while a budget holder's invitation waits for the provider to complete the registration.</summary>
    public string? InvitationCode { get; private set; }

    public bool IsRegistrationComplete => InvitationCode is null;

    /// <summary>The provider number of the old system (PGB1), kept when a conversion created or matched this provider.</summary>
    public string? Pgb1Number { get; private set; }

    public static CareProvider Register(string providerNumber, CareProviderKind kind, string name, CareProviderDetails details, DateTimeOffset now)
    {
        Validate(kind, name, details);
        return new CareProvider(providerNumber, kind, name.Trim(), details, now);
    }

    /// <summary>A provider a budget holder invites: registered in outline, completed by the provider with the code.</summary>
    public static CareProvider Invite(string providerNumber, CareProviderKind kind, string name, CareProviderDetails details, string invitationCode, DateTimeOffset now)
    {
        var provider = Register(providerNumber, kind, name, details, now);
        provider.InvitationCode = invitationCode;
        return provider;
    }

    /// <summary>
    /// A provider of the old system that OpenPgb did not know, created by a conversion: name, KvK, AGB and IBAN as PGB1
    /// had them, no address yet; its users complete the registration with the invitation code printed in the report.
    /// </summary>
    public static CareProvider CarryOver(string providerNumber, CareProviderKind kind, string name, string? kvkNumber, string? agbCode, string iban, string pgb1Number, string invitationCode, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(pgb1Number);
        var provider = new CareProvider
        {
            ProviderNumber = providerNumber,
            Kind = kind,
            Name = name.Trim(),
            KvkNumber = NullIfEmpty(kvkNumber),
            AgbCode = NullIfEmpty(agbCode),
            Iban = Parties.Iban.Normalize(iban),
            RegisteredAt = now,
            InvitationCode = invitationCode,
            Pgb1Number = pgb1Number,
        };
        return provider;
    }

    /// <summary>A conversion matched this provider to one of the old system: the old number is kept (the first, if several).</summary>
    public void KeepPgb1Number(string pgb1Number) => Pgb1Number ??= pgb1Number;

    public void CompleteRegistration(string invitationCode, CareProviderDetails details)
    {
        if (InvitationCode is null)
        {
            throw new InvalidOperationException("This provider has completed its registration already.");
        }

        if (!string.Equals(InvitationCode, invitationCode.Trim(), StringComparison.Ordinal))
        {
            throw new BusinessRuleException("UitnodigingscodeMoetKloppen", "De uitnodigingscode klopt niet.");
        }

        Validate(Kind, Name, details);
        Apply(details);
        InvitationCode = null;
    }

    /// <summary>The name payments carry to the bank (the account holder's); checked like at registration.</summary>
    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BusinessRuleException("NaamIsVerplicht", "Vul de naam van de zorgverlener in.");
        }

        if (Payments.SepaText.NameProblem(name) is { } problem)
        {
            throw new BusinessRuleException("NaamInLatijnseLetters", problem);
        }

        Name = name.Trim();
    }

    /// <summary>The provider's own bank account for payments; checked like at registration.</summary>
    public void ChangeIban(string iban)
    {
        if (Parties.Iban.Validate(iban) is { } problem)
        {
            throw new BusinessRuleException("IbanMoetGeldigZijn", problem);
        }

        Iban = Parties.Iban.Normalize(iban);
    }

    private void Apply(CareProviderDetails details)
    {
        KvkNumber = NullIfEmpty(details.KvkNumber);
        AgbCode = NullIfEmpty(details.AgbCode);
        VatNumber = NullIfEmpty(details.VatNumber)?.ToUpperInvariant();
        Address = details.Address with { PostalCode = details.Address.PostalCode.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant() };
        Iban = Parties.Iban.Normalize(details.Iban);
    }

    private static void Validate(CareProviderKind kind, string name, CareProviderDetails details)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new BusinessRuleException("NaamIsVerplicht", "Vul de naam van de zorgverlener in.");
        }

        // Payments carry this name to the bank: a name SEPA cannot write would hold every payment.
        if (Payments.SepaText.NameProblem(name) is { } nameProblem)
        {
            throw new BusinessRuleException("NaamInLatijnseLetters", nameProblem);
        }

        if (kind == CareProviderKind.Organisation && (details.KvkNumber is null || !KvkPattern().IsMatch(details.KvkNumber)))
        {
            throw new BusinessRuleException("KvkNummerIsVerplicht", "Een organisatie heeft een KvK-nummer van 8 cijfers.");
        }

        if (!string.IsNullOrWhiteSpace(details.AgbCode) && !AgbPattern().IsMatch(details.AgbCode))
        {
            throw new BusinessRuleException("AgbCodeHeeftAchtCijfers", "Een AGB-code heeft 8 cijfers.");
        }

        if (!string.IsNullOrWhiteSpace(details.VatNumber) && !VatPattern().IsMatch(details.VatNumber.ToUpperInvariant()))
        {
            throw new BusinessRuleException("BtwNummerMoetGeldigZijn", "Een btw-identificatienummer ziet eruit als NL123456789B01.");
        }

        if (string.IsNullOrWhiteSpace(details.Address.Street) || string.IsNullOrWhiteSpace(details.Address.HouseNumber)
            || !PostalCodePattern().IsMatch(details.Address.PostalCode) || string.IsNullOrWhiteSpace(details.Address.City))
        {
            throw new BusinessRuleException("AdresIsVolledig", "Vul straat, huisnummer, postcode (1234 AB) en plaats in.");
        }

        if (Parties.Iban.Validate(details.Iban) is { } ibanProblem)
        {
            throw new BusinessRuleException("IbanMoetGeldigZijn", ibanProblem);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex KvkPattern();

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex AgbPattern();

    [GeneratedRegex("^[A-Z]{2}[0-9A-Z]{2,12}$")]
    private static partial Regex VatPattern();

    [GeneratedRegex("^[1-9][0-9]{3} ?[A-Za-z]{2}$")]
    private static partial Regex PostalCodePattern();
}

public sealed record CareProviderDetails(string? KvkNumber, string? AgbCode, string? VatNumber, PostalAddress Address, string Iban);

/// <summary>
/// A change of a provider's IBAN, kept so that the risk scan can see an account changed shortly before a large
/// payment. Written by the change itself; never edited.
/// </summary>
public sealed class CareProviderIbanChange
{
    private CareProviderIbanChange()
    {
        OldIban = string.Empty;
        NewIban = string.Empty;
        ChangedBy = string.Empty;
    }

    public CareProviderIbanChange(long careProviderId, string oldIban, string newIban, string changedBy, DateTimeOffset changedAt)
    {
        CareProviderId = careProviderId;
        OldIban = oldIban;
        NewIban = newIban;
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public long Id { get; private set; }

    public long CareProviderId { get; private set; }

    public string OldIban { get; private set; }

    public string NewIban { get; private set; }

    public string ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }
}
