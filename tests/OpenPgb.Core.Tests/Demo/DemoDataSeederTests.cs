using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Data;
using OpenPgb.Core.Demo;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Demo;

/// <summary>The demo seed: a size too small for its logins is refused with a message, and nothing is written.</summary>
public sealed class DemoDataSeederTests
{
    [Fact]
    public async Task ADemoTooSmallForItsLogins_IsRefusedBeforeAnythingIsWritten_AndALargerOneThenSeeds()
    {
        await using var database = await TestDatabase.CreateSqliteAsync();

        await using (var scope = database.Scope())
        {
            var refused = await Should.ThrowAsync<ArgumentOutOfRangeException>(
                () => scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(3, CancellationToken.None));
            refused.ParamName.ShouldBe("budgetHolders");
            refused.Message.ShouldContain("demo logins need");
        }

        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            (await db.Grantors.CountAsync()).ShouldBe(0);
            (await db.IntakeMessages.CountAsync()).ShouldBe(0);
            (await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(15, CancellationToken.None)).ShouldBeTrue();
            (await db.Grants.CountAsync()).ShouldBe(15);
        }
    }
}
