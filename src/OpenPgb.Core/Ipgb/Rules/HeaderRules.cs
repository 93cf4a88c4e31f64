namespace OpenPgb.Core.Ipgb.Rules;

/// <summary>0018: the sender must be a known grantor, live on the message's Dagtekening (any grantor on the conversion channel).</summary>
public sealed class SenderMustBeKnownAndLive : IMessageRule
{
    public void Check(Message501 message, RuleContext context, RetourFindings findings)
    {
        var live = context.Sender is { } grantor
            && (context.Channel == MessageChannel.Conversion || grantor.IsLiveOn(message.Header.DateSent));
        if (!live)
        {
            findings.Add(RecordRef.Header, ReturnCodes.SenderUnknownOrNotLive);
        }
    }
}

/// <summary>TR135 (8848): the Dagtekening may not lie after today (Europe/Amsterdam).</summary>
public sealed class DateSentMustNotLieInFuture : IMessageRule
{
    public void Check(Message501 message, RuleContext context, RetourFindings findings)
    {
        if (message.Header.DateSent > context.Today)
        {
            findings.Add(RecordRef.Header, ReturnCodes.DateSentInFuture);
        }
    }
}
