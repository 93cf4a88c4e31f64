using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Access;
using OpenPgb.Core.Audit;
using OpenPgb.Core.CareAgreements;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Grantors;

/// <summary>A grantor's maximum tariffs and process choices: read by assessment and payments, kept by its employees.</summary>
public sealed class GrantorSettingsService(OpenPgbDbContext db, AccessLog accessLog, WorkTasks.WorkTaskService tasks, TimeProvider time)
{
    /// <summary>
    /// A grantor's rules apply to every agreement and claim on its budgets, whoever acts (a citizen or provider scope
    /// cannot see the settings rows), so they are read past the scope filter; callers pass the grantor of an entity the
    /// actor may see.
    /// </summary>
    public async Task<ProcessChoices> ProcessChoicesOfAsync(int grantorId, CancellationToken cancellationToken)
    {
        var rows = await db.ProcessChoices.Unfiltered(Because.SettingsOfVisibleRow).Where(c => c.GrantorId == grantorId && !c.AwaitingConfirmation).ToListAsync(cancellationToken);
        return ProcessChoices.From(rows.GroupBy(c => c.Kind).Select(g => g.MaxBy(c => c.Id)!));
    }

    /// <summary>Changes of the grantor that wait for a second employee.</summary>
    public async Task<IReadOnlyList<ProcessChoice>> AwaitingConfirmationAsync(int grantorId, CancellationToken cancellationToken) =>
        await db.ProcessChoices.Where(c => c.GrantorId == grantorId && c.AwaitingConfirmation).OrderBy(c => c.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ProcessChoice>> ProcessChoiceHistoryAsync(int grantorId, CancellationToken cancellationToken) =>
        await db.ProcessChoices.Where(c => c.GrantorId == grantorId).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Sets a process choice; returns false when the change waits for a second employee (switching four-eyes
    /// assessment off: one employee alone must not remove the check on their own assessments).
    /// </summary>
    public async Task<bool> SetProcessChoiceAsync(Actor actor, ProcessChoiceKind kind, string value, CancellationToken cancellationToken)
    {
        var grantorId = EmployeeGrantor(actor);
        var normalized = kind switch
        {
            ProcessChoiceKind.LetterPrinting => Enum.TryParse<LetterPrinting>(value, ignoreCase: true, out var printing) && Enum.IsDefined(printing) ? printing.ToString() : null,
            ProcessChoiceKind.PreBlockHolidayAllowance or ProcessChoiceKind.FourEyesAssessment => bool.TryParse(value, out var flag) ? flag.ToString(CultureInfo.InvariantCulture) : null,
            _ when RiskThresholds.RangeOf(kind) is var (min, max) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
                ? number.ToString(CultureInfo.InvariantCulture)
                : throw new Common.BusinessRuleException("DrempelGeldig", $"Vul een heel getal in van {min} tot en met {max}."),
            _ => null,
        } ?? throw new Common.BusinessRuleException("ProceskeuzeGeldig", "Kies een van de waarden uit de lijst.");
        var choice = new ProcessChoice(grantorId, kind, normalized, actor.Name, time.GetUtcNow());
        choice.RecordRequester(actor.UserId);
        var needsSecond = ProcessChoice.NeedsSecondEmployee(kind, await ProcessChoicesOfAsync(grantorId, cancellationToken), normalized);
        if (needsSecond)
        {
            if (await db.ProcessChoices.AnyAsync(c => c.GrantorId == grantorId && c.Kind == kind && c.AwaitingConfirmation, cancellationToken))
            {
                throw new Common.BusinessRuleException("WijzigingWachtAl", "Deze wijziging wacht al op bevestiging door een andere medewerker.");
            }

            choice.AwaitConfirmation();
        }

        db.ProcessChoices.Add(choice);
        accessLog.Changed(actor, null, needsSecond ? "proceskeuze aangevraagd" : "proceskeuze gewijzigd", $"{kind} = {normalized}");
        await db.SaveChangesAsync(cancellationToken);
        if (needsSecond)
        {
            tasks.Create(grantorId, WorkTasks.WorkTaskType.ConfirmSettingChange, WorkTasks.WorkTaskSubject.ProcessChoice, choice.Id, null, $"Bevestig: vier-ogenbeoordeling uitzetten (aangevraagd door {actor.Name})", 5);
            await db.SaveChangesAsync(cancellationToken);
        }

        return !needsSecond;
    }

    /// <summary>A second employee of the same grantor confirms a change that waits; it is in force from then on.</summary>
    public async Task ConfirmProcessChoiceAsync(Actor actor, long choiceId, CancellationToken cancellationToken)
    {
        var grantorId = EmployeeGrantor(actor);
        var choice = await db.ProcessChoices.SingleOrDefaultAsync(c => c.Id == choiceId && c.GrantorId == grantorId, cancellationToken)
            ?? throw new NotVisibleException($"Process choice change {choiceId} is not this grantor's.");
        choice.Confirm(actor.UserId, actor.Name, choice.ChangedByUserId ?? string.Empty, time.GetUtcNow());
        foreach (var task in await db.WorkTasks.Where(t => t.Type == WorkTasks.WorkTaskType.ConfirmSettingChange && t.SubjectId == choiceId && t.Status == WorkTasks.WorkTaskStatus.Open).ToListAsync(cancellationToken))
        {
            task.Complete(actor.Name, time.GetUtcNow());
        }

        accessLog.Changed(actor, null, "proceskeuze bevestigd", $"{choice.Kind} = {choice.Value}, aangevraagd door {choice.ChangedBy}");
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
        if (maximumCents is < 1 or > 100_000_000)
        {
            throw new Common.BusinessRuleException("MaximumtariefRedelijk", "Een maximumtarief ligt tussen € 0,01 en € 1.000.000,00.");
        }

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
        var candidates = await db.MaximumTariffs.Unfiltered(Because.SettingsOfVisibleRow)
            .Where(t => t.GrantorId == grantorId && careFunctionCodes.Contains(t.CareFunctionCode) && t.TariffUnit == unit
                && t.ValidFrom <= on && (t.ValidUntil == null || t.ValidUntil >= on))
            .Select(t => (long?)t.MaximumCents)
            .ToListAsync(cancellationToken);
        return candidates.Count == 0 ? null : candidates.Min();
    }

    private static int EmployeeGrantor(Actor actor) =>
        actor.GrantorId ?? throw new InvalidOperationException("Only an employee acting for a grantor can change its settings.");
}
