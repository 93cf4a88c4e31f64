namespace OpenPgb.Core.Ipgb.Rules;

/// <summary>CD001 (D001, 2.3 only): a client who is a minor on the Dagtekening has a representative who receives correspondence.</summary>
public sealed class MinorMustHaveCorrespondent : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var message = check.Message;
        if (message.Version == IpgbVersion.V23
            && IsMinor(message.Client.BirthDate, message.Header.DateSent)
            && !message.Budget.Representatives.Any(r => r.ReceivesCorrespondence))
        {
            yield return new(RecordRef.Budget, ReturnCodes.MinorWithoutCorrespondent);
        }
    }

    internal static bool IsMinor(DateOnly birthDate, DateOnly on) => birthDate.AddYears(18) > on;
}

/// <summary>CD002 (D002, 2.3 only): a minor cannot authorise anyone, so role 05 (gemachtigde) is not allowed for a minor client.</summary>
public sealed class MinorMayNotHaveAuthorisedPerson : IMessageRule
{
    public IEnumerable<RetourFinding> Check(MessageCheck check)
    {
        var message = check.Message;
        if (message.Version != IpgbVersion.V23 || !MinorMustHaveCorrespondent.IsMinor(message.Client.BirthDate, message.Header.DateSent))
        {
            yield break;
        }

        for (var i = 0; i < message.Budget.Representatives.Count; i++)
        {
            if (message.Budget.Representatives[i].Role == Grants.RepresentativeRoles.AuthorisedPerson)
            {
                yield return new(RecordRef.Representative(i), ReturnCodes.MinorWithAuthorisedPerson);
            }
        }
    }
}
