namespace OpenPgb.Core.Ipgb.Rules;

/// <summary>0018: the sender must be a known grantor, live on the message's Dagtekening (any grantor on the conversion channel).</summary>
public sealed class SenderMustBeKnownAndLive : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var (message, context) = check;
        var live = context.Sender is { } grantor
            && (context.Channel == MessageChannel.Conversion || grantor.IsLiveOn(message.Header.DateSent));
        if (!live)
        {
            yield return new(RecordRef.Header, ReturnCodes.SenderUnknownOrNotLive);
        }
    }
}

/// <summary>TR135 (8848): the Dagtekening may not lie after today (Europe/Amsterdam).</summary>
public sealed class DateSentMustNotLieInFuture : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var (message, context) = check;
        if (message.Header.DateSent > context.Today)
        {
            yield return new(RecordRef.Header, ReturnCodes.DateSentInFuture);
        }
    }
}
