using OpenPgb.Core.Common;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Conversion;

/// <summary>
/// The blocking findings of CONVERSION.md that concern the export's own consistency, each a rule on the parsed export
/// (no database): unique keys, known references, valid BSNs and IBANs, claims within their agreement's care
/// functions, and exactly one payment of its amount for every paid claim. The checks that compare claims or payments
/// with each other ask the export's <see cref="Pgb1Workspace"/> (SQL on its indexes) instead of building sets in memory.
/// No check lists more than <see cref="Pgb1ExportReader.MaxListedPerFile"/> findings; one more line counts the rest.
/// </summary>
public static class Pgb1ExportChecks
{
    public static IReadOnlyList<IRule<Pgb1Export, ConversionFinding>> All { get; } =
    [
        new KeysMustBeUnique(),
        new ReferencesMustBeKnown(),
        new BsnsMustPassElevenTest(),
        new IbansMustBeValid(),
        new ClaimCareFunctionMustBeAgreed(),
        new PaidClaimMustHaveOnePaymentOfItsAmount(),
    ];

    public static IReadOnlyList<ConversionFinding> FindingsOf(Pgb1Export export) =>
        [.. All.SelectMany(rule => Listed(rule.Check(export)))];

    private static IEnumerable<ConversionFinding> Listed(IEnumerable<ConversionFinding> findings)
    {
        long more = 0;
        ConversionFinding? last = null;
        var listed = 0;
        foreach (var finding in findings)
        {
            if (listed++ < Pgb1ExportReader.MaxListedPerFile)
            {
                yield return finding;
            }
            else
            {
                more++;
                last = finding;
            }
        }

        if (last is not null)
        {
            var file = last.Key.Split(':')[0];
            yield return ConversionFinding.Blocking(last.Kind, file, $"En nog {more} bevindingen van deze soort; de eerste {Pgb1ExportReader.MaxListedPerFile} staan hierboven.");
        }
    }
}

/// <summary>No key twice: budget holder, representative per holder, care-function budget, provider, agreement, claim, payment.</summary>
public sealed class KeysMustBeUnique : IRule<Pgb1Export, ConversionFinding>
{
    public IEnumerable<ConversionFinding> Check(Pgb1Export facts) =>
    [
        .. Duplicates(facts.BudgetHolders, h => h.Bsn, h => h.Line, "budgethouder"),
        .. Duplicates(facts.Representatives, r => $"{r.HolderBsn}/{r.Bsn}", r => r.Line, "vertegenwoordiger"),
        .. Duplicates(facts.Budgets, b => $"{b.BudgetKey}/{b.CareFunctionCode}", b => b.Line, "budget per zorgfunctie"),
        .. Duplicates(facts.Providers, p => p.Number, p => p.Line, "zorgverlener"),
        .. Duplicates(facts.Agreements, a => a.Number, a => a.Line, "zorgovereenkomst"),
        .. Duplicates(facts.Workspace.DuplicateClaimNumbers(), Pgb1ExportReader.ClaimsFile, "declaratie"),
        .. Duplicates(facts.Workspace.DuplicatePaymentNumbers(), Pgb1ExportReader.PaymentsFile, "betaling"),
    ];

    private static IEnumerable<ConversionFinding> Duplicates(IEnumerable<(int Line, int First)> duplicates, string file, string what) =>
        duplicates.Select(d => ConversionFinding.Blocking(FindingKinds.DuplicateKey, new Pgb1Line(file, d.Line).ToString(), $"Deze {what} staat er al op {new Pgb1Line(file, d.First)}."));

    private static IEnumerable<ConversionFinding> Duplicates<T>(IEnumerable<T> rows, Func<T, string> key, Func<T, Pgb1Line> line, string what)
    {
        var first = new Dictionary<string, Pgb1Line>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!first.TryAdd(key(row), line(row)))
            {
                yield return ConversionFinding.Blocking(FindingKinds.DuplicateKey, line(row).ToString(), $"Deze {what} staat er al op {first[key(row)]}.");
            }
        }
    }
}

/// <summary>Every reference points at a row of the export: representative and budget to a budget holder, agreement to budget holder, grant and provider, claim to agreement, payment to claim.</summary>
public sealed class ReferencesMustBeKnown : IRule<Pgb1Export, ConversionFinding>
{
    public IEnumerable<ConversionFinding> Check(Pgb1Export facts)
    {
        var holders = facts.BudgetHolders.Select(h => h.Bsn).ToHashSet(StringComparer.Ordinal);
        var grants = facts.Budgets.Select(b => (b.BudgetKey, b.Bsn)).ToHashSet();
        var providers = facts.Providers.Select(p => p.Number).ToHashSet(StringComparer.Ordinal);
        var agreements = facts.Agreements.Select(a => a.Number).ToHashSet(StringComparer.Ordinal);
        foreach (var r in facts.Representatives.Where(r => !holders.Contains(r.HolderBsn)))
        {
            yield return Unknown(r.Line, "De vertegenwoordigde budgethouder staat niet in budgethouders.csv.");
        }

        foreach (var b in facts.Budgets.Where(b => !holders.Contains(b.Bsn)))
        {
            yield return Unknown(b.Line, "De budgethouder van dit budget staat niet in budgethouders.csv.");
        }

        foreach (var a in facts.Agreements)
        {
            if (!holders.Contains(a.Bsn))
            {
                yield return Unknown(a.Line, "De budgethouder van deze overeenkomst staat niet in budgethouders.csv.");
            }
            else if (!grants.Contains((a.BudgetKey, a.Bsn)))
            {
                yield return Unknown(a.Line, $"Budget {a.BudgetKey} van deze budgethouder staat niet in budgetten.csv.");
            }

            if (!providers.Contains(a.ProviderNumber))
            {
                yield return Unknown(a.Line, $"Zorgverlener {a.ProviderNumber} staat niet in zorgverleners.csv.");
            }
        }

        foreach (var c in facts.Claims.Where(c => !agreements.Contains(c.AgreementNumber)))
        {
            yield return Unknown(c.Line, $"Overeenkomst {c.AgreementNumber} staat niet in zorgovereenkomsten.csv.");
        }

        foreach (var (line, claimNumber) in facts.Workspace.PaymentsWithoutClaim())
        {
            yield return Unknown(new Pgb1Line(Pgb1ExportReader.PaymentsFile, line), $"Declaratie {claimNumber} staat niet in declaraties.csv.");
        }
    }

    private static ConversionFinding Unknown(Pgb1Line line, string message) => ConversionFinding.Blocking(FindingKinds.UnknownReference, line.ToString(), message);
}

/// <summary>Every BSN of a budget holder and a representative passes the elfproef.</summary>
public sealed class BsnsMustPassElevenTest : IRule<Pgb1Export, ConversionFinding>
{
    public IEnumerable<ConversionFinding> Check(Pgb1Export facts) =>
        facts.BudgetHolders.Where(h => !Bsn.IsValid(h.Bsn)).Select(h => h.Line)
            .Concat(facts.Representatives.Where(r => !Bsn.IsValid(r.Bsn)).Select(r => r.Line))
            .Select(line => ConversionFinding.Blocking(FindingKinds.Bsn, line.ToString(), "Dit BSN voldoet niet aan de elfproef."));
}

/// <summary>Every IBAN of a provider and a payment is valid (mod-97).</summary>
public sealed class IbansMustBeValid : IRule<Pgb1Export, ConversionFinding>
{
    public IEnumerable<ConversionFinding> Check(Pgb1Export facts) =>
        facts.Providers.Select(p => (p.Line, p.Iban)).Concat(facts.Payments.Select(p => (p.Line, p.Iban)))
            .Where(x => !Iban.IsValid(x.Iban))
            .Select(x => ConversionFinding.Blocking(FindingKinds.Iban, x.Line.ToString(), $"IBAN {x.Iban} is ongeldig."));
}

/// <summary>A claim names a care function of its agreement.</summary>
public sealed class ClaimCareFunctionMustBeAgreed : IRule<Pgb1Export, ConversionFinding>
{
    public IEnumerable<ConversionFinding> Check(Pgb1Export facts)
    {
        var agreements = facts.Agreements.GroupBy(a => a.Number, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return facts.Claims
            .Where(c => agreements.TryGetValue(c.AgreementNumber, out var a) && !a.CareFunctionCodes.Contains(c.CareFunctionCode, StringComparer.Ordinal))
            .Select(c => ConversionFinding.Blocking(FindingKinds.CareFunction, c.Line.ToString(), $"Zorgfunctie {c.CareFunctionCode} staat niet in overeenkomst {c.AgreementNumber}."));
    }
}

/// <summary>A paid (BET) claim has exactly one payment, of its amount; only paid claims have payments.</summary>
public sealed class PaidClaimMustHaveOnePaymentOfItsAmount : IRule<Pgb1Export, ConversionFinding>
{
    public IEnumerable<ConversionFinding> Check(Pgb1Export facts)
    {
        foreach (var claim in facts.Workspace.ClaimsWithWrongPayments())
        {
            if (claim.Status == Pgb1ClaimStatus.Paid && claim.Payments != 1)
            {
                yield return Payment(claim.Line, $"Een betaalde declaratie heeft precies één betaling, deze heeft er {claim.Payments}.");
            }
            else if (claim.Status == Pgb1ClaimStatus.Paid)
            {
                yield return Payment(claim.FirstPayment, $"De betaling ({claim.FirstPaymentCents} cent) is niet het bedrag van declaratie {claim.Number} ({claim.AmountCents} cent).");
            }
            else
            {
                yield return Payment(claim.FirstPayment, $"Declaratie {claim.Number} is niet betaald (status {Pgb1Codes.Of(claim.Status)}), maar heeft een betaling.");
            }
        }
    }

    private static ConversionFinding Payment(Pgb1Line line, string message) => ConversionFinding.Blocking(FindingKinds.Payment, line.ToString(), message);
}
