namespace OpenPgb.Core.Ipgb.Rules;

/// <summary>Every rule of the 501 in the order of IPGB.md's layers: header, technical rules, conditions, business rules.</summary>
public static class MessageRules501
{
    public static IReadOnlyList<IMessageRule> All { get; } =
    [
        new SenderMustBeKnownAndLive(),
        new DateSentMustNotLieInFuture(),
        new BsnMustPassElevenTest(),
        new EndDateMustNotPrecedeStartDate(),
        new CareFunctionMustBeInCodeList(),
        new WholePackageMustStandAlone(),
        new WlzBudgetMustUseWholePackage(),
        new AmountsMustBePositive(),
        new CareFunctionPeriodsMustNotOverlap(),
        new RepresentativeMustDifferFromClientAndOthers(),
        new MinorMustHaveCorrespondent(),
        new MinorMayNotHaveAuthorisedPerson(),
        new PreviousBudgetKeyMustBeKnown(),
        new BudgetKeyMustStayWithItsBudgetHolder(),
        new ClientMustNotStayInPgb1(),
    ];

    public static RetourFindings Evaluate(Message501 message, RuleContext context)
    {
        var findings = new RetourFindings();
        var check = new MessageCheck(message, context);
        foreach (var rule in All)
        {
            foreach (var finding in rule.Check(check))
            {
                findings.Add(finding.Record, finding.Code);
            }
        }

        return findings;
    }
}
