using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Ipgb.Rules;

/// <summary>TR001 (9001): every BSN in the message, of the client and of each representative, passes the elfproef.</summary>
public sealed class BsnMustPassElevenTest : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var message = check.Message;
        if (!Bsn.IsValid(message.Client.Bsn))
        {
            yield return new(RecordRef.Client, ReturnCodes.BsnFailsElevenTest);
        }

        for (var i = 0; i < message.Budget.Representatives.Count; i++)
        {
            if (!Bsn.IsValid(message.Budget.Representatives[i].Bsn))
            {
                yield return new(RecordRef.Representative(i), ReturnCodes.BsnFailsElevenTest);
            }
        }
    }
}

/// <summary>TR008 (9008): a representative is not the client, and no representative appears twice.</summary>
public sealed class RepresentativeMustDifferFromClientAndOthers : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var message = check.Message;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < message.Budget.Representatives.Count; i++)
        {
            var bsn = message.Budget.Representatives[i].Bsn;
            if (bsn == message.Client.Bsn || !seen.Add(bsn))
            {
                yield return new(RecordRef.Representative(i), ReturnCodes.RepresentativeBsnConflict);
            }
        }
    }
}

/// <summary>
/// 9011 (our extension, ADR 0011): the sender's conversion left this client behind on PGB1 (a straggler), so a grant
/// for them would be paid by two systems. Refused on every channel from the conversion onwards.
/// </summary>
public sealed class ClientMustNotStayInPgb1 : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        if (check.Context.Stored.ClientStaysInPgb1)
        {
            yield return new(RecordRef.Client, ReturnCodes.ClientStaysInPgb1);
        }
    }
}
