using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Ipgb.Rules;

/// <summary>TR001 (9001): every BSN in the message, of the client and of each representative, passes the elfproef.</summary>
public sealed class BsnMustPassElevenTest : IMessageRule
{
    public void Check(Message501 message, RuleContext context, RetourFindings findings)
    {
        if (!Bsn.IsValid(message.Client.Bsn))
        {
            findings.Add(RecordRef.Client, ReturnCodes.BsnFailsElevenTest);
        }

        for (var i = 0; i < message.Budget.Representatives.Count; i++)
        {
            if (!Bsn.IsValid(message.Budget.Representatives[i].Bsn))
            {
                findings.Add(RecordRef.Representative(i), ReturnCodes.BsnFailsElevenTest);
            }
        }
    }
}

/// <summary>TR008 (9008): a representative is not the client, and no representative appears twice.</summary>
public sealed class RepresentativeMustDifferFromClientAndOthers : IMessageRule
{
    public void Check(Message501 message, RuleContext context, RetourFindings findings)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < message.Budget.Representatives.Count; i++)
        {
            var bsn = message.Budget.Representatives[i].Bsn;
            if (bsn == message.Client.Bsn || !seen.Add(bsn))
            {
                findings.Add(RecordRef.Representative(i), ReturnCodes.RepresentativeBsnConflict);
            }
        }
    }
}
