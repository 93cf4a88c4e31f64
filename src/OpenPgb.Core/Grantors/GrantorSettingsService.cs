using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Grantors;

/// <summary>A grantor's maximum tariffs and process choices: read by assessment and payments, kept by its employees.</summary>
public sealed class GrantorSettingsService(OpenPgbDbContext db, AccessLog accessLog, TimeProvider time)
{
    /// <summary>
    /// A grantor's rules apply to every agreement and claim on its budgets, whoever acts (a citizen or provider scope
    /// cannot see the settings rows), so they are read past the scope filter; callers pass the grantor of an entity the
    /// actor may see.
    /// </summary>
    public async Task<ProcessChoices> ProcessChoicesOfAsync(int grantorId, CancellationToken cancellationToken)
    {
        var rows = await db.ProcessChoices.IgnoreQueryFilters().Where(c => c.GrantorId == grantorId).ToListAsync(cancellationToken);
        return ProcessChoices.From(rows.GroupBy(c => c.Kind).Select(g => g.MaxBy(c => c.Id)!));
    }

    public async Task<IReadOnlyList<ProcessChoice>> ProcessChoiceHistoryAsync(int grantorId, CancellationToken cancellationToken) =>
        await db.ProcessChoices.Where(c => c.GrantorId == grantorId).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);

    public async Task SetProcessChoiceAsync(Actor actor, ProcessChoiceKind kind, string value, CancellationToken cancellationToken)
    {
        var grantorId = EmployeeGrantor(actor);
        var normalized = kind switch
        {
            ProcessChoiceKind.LetterPrinting => Enum.Parse<LetterPrinting>(value, ignoreCase: true).ToString(),
            ProcessChoiceKind.PreBlockHolidayAllowance or ProcessChoiceKind.FourEyesAssessment => bool.Parse(value).ToString(CultureInfo.InvariantCulture),
        };
        db.ProcessChoices.Add(new ProcessChoice(grantorId, kind, normalized, actor.Name, time.GetUtcNow()));
        accessLog.Changed(actor, null, "proceskeuze gewijzigd", $"{kind} = {normalized}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<MaximumTariff>> MaximumTariffsAsync(int grantorId, CancellationToken cancellationToken) =>
        await db.MaximumTariffs.Where(t => t.GrantorId == grantorId)
            .OrderBy(t => t.CareFunctionCode).ThenBy(t => t.TariffUnit).ThenByDescending(t => t.ValidFrom)
            .ToListAsync(cancellationToken);

    /// <summary>Sets a new maximum from a date; the one in force before it ends the day before.</summary>
    public async Task SetMaximumTariffAsync(Actor actor, string careFunctionCode, TariffUnit unit, long maximumCents, DateOnly validFrom, CancellationToken cancellationToken)
    {
        var grantorId = EmployeeGrantor(actor);
        if (!await db.CareFunctions.AnyAsync(f => f.Code == careFunctionCode, cancellationToken))
        {
            throw new Common.BusinessRuleException("ZorgfunctieBestaat", $"Zorgfunctie {careFunctionCode} bestaat niet.");
        }

        var open = await db.MaximumTariffs
            .Where(t => t.GrantorId == grantorId && t.CareFunctionCode == careFunctionCode && t.TariffUnit == unit && t.ValidUntil == null)
            .SingleOrDefaultAsync(cancellationToken);
        open?.CloseBefore(validFrom);
        db.MaximumTariffs.Add(new MaximumTariff(grantorId, careFunctionCode, unit, maximumCents, validFrom, actor.Name, time.GetUtcNow()));
        accessLog.Changed(actor, null, "maximumtarief vastgesteld", $"zorgfunctie {careFunctionCode} {unit} {maximumCents} cent vanaf {validFrom:yyyy-MM-dd}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The lowest maximum among the care functions the agreement covers, valid on its start date; null if none is set.</summary>
    public async Task<long?> MaximumForAsync(int grantorId, IReadOnlyCollection<string> careFunctionCodes, TariffUnit unit, DateOnly on, CancellationToken cancellationToken)
    {
        var candidates = await db.MaximumTariffs.IgnoreQueryFilters()
            .Where(t => t.GrantorId == grantorId && careFunctionCodes.Contains(t.CareFunctionCode) && t.TariffUnit == unit
                && t.ValidFrom <= on && (t.ValidUntil == null || t.ValidUntil >= on))
            .Select(t => (long?)t.MaximumCents)
            .ToListAsync(cancellationToken);
        return candidates.Count == 0 ? null : candidates.Min();
    }

    private static int EmployeeGrantor(Actor actor) =>
        actor.GrantorId ?? throw new InvalidOperationException("Only an employee acting for a grantor can change its settings.");
}
