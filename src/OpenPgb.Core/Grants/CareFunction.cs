namespace OpenPgb.Core.Grants;

/// <summary>
/// One entry of code list WMO022 (zorgfuncties). Code lists are data with validity dates: a code is usable
/// for a care-function budget whose start date falls inside [ValidFrom, ValidTo].
/// </summary>
public sealed class CareFunction
{
    private CareFunction()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public CareFunction(string code, string name, DateOnly validFrom, DateOnly? validTo)
    {
        Code = code;
        Name = name;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}

public static class CareFunctionCodes
{
    /// <summary>ZF99, totaal zorgpakket: one total without per-function limits.</summary>
    public const string WholePackage = "99";

    /// <summary>The list as published for iPgb; seeded into the database, where it is maintained from then on.</summary>
    public static IReadOnlyList<CareFunction> Initial { get; } =
    [
        new("01", "Hulp bij het huishouden", new DateOnly(2015, 1, 1), null),
        new("02", "Begeleiding", new DateOnly(2015, 1, 1), null),
        new("03", "Persoonlijke verzorging", new DateOnly(2015, 1, 1), null),
        new("04", "Kortdurend verblijf", new DateOnly(2015, 1, 1), null),
        new("05", "Woondiensten", new DateOnly(2015, 1, 1), null),
        new("06", "Overige ondersteuning gericht op het individu of huishouden", new DateOnly(2015, 1, 1), null),
        new("07", "Dagbesteding", new DateOnly(2015, 1, 1), null),
        new("08", "Vervoerdiensten", new DateOnly(2015, 1, 1), null),
        new("09", "Overige groepsgerichte ondersteuning", new DateOnly(2015, 1, 1), null),
        new("10", "Overige maatwerkarrangementen", new DateOnly(2015, 1, 1), null),
        new("11", "Rolstoelen", new DateOnly(2015, 1, 1), null),
        new("12", "Vervoervoorzieningen", new DateOnly(2015, 1, 1), null),
        new("13", "Woonvoorzieningen", new DateOnly(2015, 1, 1), null),
        new("14", "Overige hulpmiddelen", new DateOnly(2015, 1, 1), null),
        new("15", "Beschermd wonen", new DateOnly(2015, 1, 1), null),
        new("16", "Opvang", new DateOnly(2015, 1, 1), null),
        new("17", "Spoedopvang", new DateOnly(2015, 1, 1), null),
        new("18", "Overige beschermd wonen en opvang", new DateOnly(2015, 1, 1), null),
        new("99", "Totaal zorgpakket", new DateOnly(2015, 1, 1), null),
    ];
}

/// <summary>An in-memory snapshot of the care-function list for validating messages without a query per message.</summary>
public sealed class CareFunctionCodeList(IEnumerable<CareFunction> entries)
{
    private readonly ILookup<string, CareFunction> _byCode = entries.ToLookup(e => e.Code, StringComparer.Ordinal);

    public bool IsValidOn(string code, DateOnly date) => _byCode[code].Any(e => e.IsValidOn(date));

    public string NameOf(string code) => _byCode[code].Select(e => e.Name).FirstOrDefault() ?? code;
}
