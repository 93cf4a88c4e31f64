namespace OpenPgb.Core.WorkTasks;

public enum WorkTaskType
{
    AssessAgreement,

    /// <summary>Four-eyes: confirm another employee's assessment.</summary>
    ConfirmAssessment,
    PrintLetter,
    BudgetBelowCommitted,
    RiskSignal,
    ConversionDifference,

    /// <summary>The bank returned a payment: check the provider's account details with them.</summary>
    PaymentReturned,

    /// <summary>A payee's name or IBAN cannot go into a SEPA file: its claims wait until that is fixed.</summary>
    PaymentHeld,

    /// <summary>Bank feedback that could not be applied as it came (a partial return, an unknown payment).</summary>
    BankFeedbackToCheck,

    /// <summary>A settings change that weakens a safeguard waits for a second employee.</summary>
    ConfirmSettingChange,
}

public enum WorkTaskStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>What a task is about; the id is of that kind's table.</summary>
public enum WorkTaskSubject
{
    CareAgreement,
    Letter,
    Grant,
    Payment,
    CareProvider,
    ProcessChoice,

    /// <summary>A difference between the PGB1 export and the grantor's 501s (Conversion.OpenDifference).</summary>
    ConversionDifference,

    /// <summary>A signal of the risk scan (Risk.RiskSignal).</summary>
    RiskSignal,
}

/// <summary>
/// A werktaak: one model for every kind of to-do of grantor staff. The subject link points to what the task is
/// about; the employee's list filters, sorts and pages them on the server.
/// </summary>
public sealed class WorkTask
{
    private WorkTask()
    {
        Title = string.Empty;
    }

    internal WorkTask(int grantorId, WorkTaskType type, WorkTaskSubject subjectKind, long subjectId, long? budgetHolderId, string title, DateOnly deadline, DateTimeOffset createdAt)
    {
        GrantorId = grantorId;
        Type = type;
        SubjectKind = subjectKind;
        SubjectId = subjectId;
        BudgetHolderId = budgetHolderId;
        Title = title;
        Deadline = deadline;
        CreatedAt = createdAt;
        Status = WorkTaskStatus.Open;
    }

    public long Id { get; private set; }

    public int GrantorId { get; private set; }

    public WorkTaskType Type { get; private set; }

    public WorkTaskSubject SubjectKind { get; private set; }

    public long SubjectId { get; private set; }

    public long? BudgetHolderId { get; private set; }

    /// <summary>Short description for the list, without personal data beyond what the grantor already holds.</summary>
    public string Title { get; private set; }

    public WorkTaskStatus Status { get; private set; }

    public string? AssigneeUserId { get; private set; }

    public string? AssigneeName { get; private set; }

    public DateOnly Deadline { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CompletedBy { get; private set; }

    public void AssignTo(string userId, string name)
    {
        RequireOpen("assign");
        AssigneeUserId = userId;
        AssigneeName = name;
    }

    public void Complete(string completedBy, DateTimeOffset now)
    {
        RequireOpen("complete");
        Status = WorkTaskStatus.Done;
        CompletedAt = now;
        CompletedBy = completedBy;
    }

    public void Cancel(DateTimeOffset now)
    {
        RequireOpen("cancel");
        Status = WorkTaskStatus.Cancelled;
        CompletedAt = now;
    }

    private void RequireOpen(string action)
    {
        if (Status != WorkTaskStatus.Open)
        {
            throw new Common.IllegalTransitionException($"Cannot {action} work task {Id}: it is {Status}.");
        }
    }

    public static string NameOf(WorkTaskType type) => type switch
    {
        WorkTaskType.AssessAgreement => "Zorgovereenkomst beoordelen",
        WorkTaskType.ConfirmAssessment => "Beoordeling bevestigen (vier ogen)",
        WorkTaskType.PrintLetter => "Brief printen en versturen",
        WorkTaskType.BudgetBelowCommitted => "Budget lager dan vastgelegd",
        WorkTaskType.RiskSignal => "Risicosignaal",
        WorkTaskType.ConversionDifference => "Conversieverschil",
        WorkTaskType.PaymentReturned => "Betaling teruggekomen",
        WorkTaskType.PaymentHeld => "Betaling vastgehouden",
        WorkTaskType.BankFeedbackToCheck => "Bankbericht controleren",
        WorkTaskType.ConfirmSettingChange => "Instelling bevestigen (vier ogen)",
    };

    public static string NameOf(WorkTaskStatus status) => status switch
    {
        WorkTaskStatus.Open => "Open",
        WorkTaskStatus.Done => "Afgehandeld",
        WorkTaskStatus.Cancelled => "Vervallen",
    };
}
