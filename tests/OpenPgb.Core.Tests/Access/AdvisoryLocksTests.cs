using System.Reflection;
using OpenPgb.Core.Data;
using Shouldly;

namespace OpenPgb.Core.Tests.Access;

public sealed class AdvisoryLocksTests
{
    [Fact]
    public void EveryAdvisoryLockClass_IsUsedForOneThingOnly()
    {
        var values = typeof(AdvisoryLocks).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        values.Count.ShouldBeGreaterThanOrEqualTo(4);
        values.Distinct().Count().ShouldBe(values.Count);
    }
}
