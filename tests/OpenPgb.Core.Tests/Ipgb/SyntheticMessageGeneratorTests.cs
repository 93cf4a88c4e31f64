using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb;
using OpenPgb.Core.Ipgb.Rules;
using OpenPgb.Core.Parties;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Ipgb;

public sealed class SyntheticMessageGeneratorTests
{
    private static readonly (string, GrantorKind)[] Grantors = [("0363", GrantorKind.Municipality), ("5501", GrantorKind.CareOffice)];

    [Fact]
    public void Next_ProducesMessagesThatPassEveryRule_InBothVersions()
    {
        var generator = new SyntheticMessageGenerator(3, Grantors, Messages.Today);
        var context = new RuleContext(Messages.Today, new CareFunctionCodeList(CareFunctionCodes.Initial), MessageChannel.File,
            new Grantor("0363", "x", GrantorKind.Municipality, new DateOnly(2020, 1, 1)), StoredBudgetFacts.None);
        var messages = Enumerable.Range(1, 400).Select(i => generator.Next(i)).ToList();

        foreach (var message in messages)
        {
            MessageRules501.Evaluate(message, context with { Sender = new Grantor(message.Header.Sender, "x", GrantorKind.Municipality, new DateOnly(2020, 1, 1)) })
                .HasErrors.ShouldBeFalse(message.Header.Identification);
            Bsn.IsValid(message.Client.Bsn).ShouldBeTrue();
            message.Client.Bsn.ShouldStartWith("999");
        }

        messages.Select(m => m.Version).Distinct().Count().ShouldBe(2);
        messages.Any(m => m.Budget.CareFunctionBudgets.Any(b => b.StartDate.Year != b.EndDate.Year)).ShouldBeTrue();
        messages.Select(m => m.Budget.Representatives.Count).Distinct().Count().ShouldBeGreaterThan(3);
    }

    [Fact]
    public void NextBsn_BeyondTheTestRange_ReusesValidNumbersInsteadOfHanging()
    {
        var generator = new SyntheticMessageGenerator(5, Grantors, Messages.Today);

        var bsns = Enumerable.Range(0, 120_000).Select(_ => generator.NextBsn()).ToList();

        bsns.ShouldAllBe(b => Bsn.IsValid(b) && b.StartsWith("999", StringComparison.Ordinal));
        bsns.Distinct().Count().ShouldBeGreaterThan(85_000);
    }
}
