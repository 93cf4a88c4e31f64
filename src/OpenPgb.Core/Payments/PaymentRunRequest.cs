using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.Common;

namespace OpenPgb.Core.Payments;

public enum PaymentRunRequestStatus
{
    Queued,
    Running,
    Completed,
    Failed,
}

/// <summary>
/// An operator's request for a manual payment run. A national run takes minutes, longer than a web request should
/// live: the request is queued here, a background job on any web node runs it under the payment-run lease, and the
/// operator's page follows <see cref="Phase"/> until the result is in.
/// </summary>
public sealed class PaymentRunRequest
{
    private PaymentRunRequest()
    {
        RequestedBy = string.Empty;
    }

    public long Id { get; private set; }

    public string RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public PaymentRunRequestStatus Status { get; private set; }

    /// <summary>What the run is doing now, in Dutch, for the operator's page.</summary>
    public string? Phase { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public long? PaymentRunId { get; private set; }

    /// <summary>The outcome in Dutch: what was paid, that there was nothing to pay, or why it failed.</summary>
    public string? Result { get; private set; }

    public bool IsActive => Status is PaymentRunRequestStatus.Queued or PaymentRunRequestStatus.Running;

    public static PaymentRunRequest Queue(string requestedBy, DateTimeOffset now) => new()
    {
        RequestedBy = requestedBy,
        RequestedAt = now,
        Status = PaymentRunRequestStatus.Queued,
        Phase = "In de wachtrij",
    };

    public void Start(DateTimeOffset now)
    {
        Require(PaymentRunRequestStatus.Queued, "start");
        Status = PaymentRunRequestStatus.Running;
        StartedAt = now;
        Phase = "Gestart";
    }

    public void Report(string phase)
    {
        Require(PaymentRunRequestStatus.Running, "report on");
        Phase = phase;
    }

    public void Complete(long? paymentRunId, string result, DateTimeOffset now)
    {
        Require(PaymentRunRequestStatus.Running, "complete");
        Status = PaymentRunRequestStatus.Completed;
        PaymentRunId = paymentRunId;
        Result = result;
        Phase = "Klaar";
        FinishedAt = now;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new IllegalTransitionException($"Payment run request {Id} is {Status}; cannot fail.");
        }

        Status = PaymentRunRequestStatus.Failed;
        Result = reason.Length > 500 ? reason[..500] : reason;
        Phase = "Mislukt";
        FinishedAt = now;
    }

    private void Require(PaymentRunRequestStatus status, string action)
    {
        if (Status != status)
        {
            throw new IllegalTransitionException($"Payment run request {Id} is {Status}; cannot {action}.");
        }
    }
}

internal sealed class PaymentRunRequestMapping : IEntityTypeConfiguration<PaymentRunRequest>
{
    public void Configure(EntityTypeBuilder<PaymentRunRequest> builder)
    {
        builder.ToTable("PaymentRunRequests");
        builder.Property(r => r.RequestedBy).HasMaxLength(200).IsRequired();
        builder.Property(r => r.Phase).HasMaxLength(200);
        builder.Property(r => r.Result).HasMaxLength(500);
        builder.HasIndex(r => r.Status).HasDatabaseName("ix_payment_run_requests_status");
    }
}
