using Npgsql;
using OpenPgb.EndToEnd.Tests.Support;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>`openpgb audit verify` on PostgreSQL: exit 0 on an intact chain, exit 1 naming the first tampered row.</summary>
public sealed class CliAuditTests
{
    [Fact]
    public async Task AuditVerify_IntactThenTampered_ReportsTheBrokenRow()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(database);
        await world.ApprovedAsync();
        var env = Processes.PostgresEnvironment(database.ConnectionString);

        var (intactExit, intactOutput) = await Processes.RunCliAsync(env, "audit", "verify");
        intactExit.ShouldBe(0, intactOutput);
        intactOutput.ShouldContain("intact: 4 rows");

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand("""
                ALTER TABLE "AccessLog" DISABLE TRIGGER access_log_no_update_delete;
                UPDATE "AccessLog" SET "Action" = 'niets gebeurd' WHERE "Sequence" = 3;
                ALTER TABLE "AccessLog" ENABLE TRIGGER access_log_no_update_delete;
                """, connection);
            await tamper.ExecuteNonQueryAsync();
        }

        var (brokenExit, brokenOutput) = await Processes.RunCliAsync(env, "audit", "verify");
        brokenExit.ShouldBe(1, brokenOutput);
        brokenOutput.ShouldContain("broken at row 3");
    }
}
