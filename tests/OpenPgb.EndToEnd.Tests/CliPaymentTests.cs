using Npgsql;
using OpenPgb.EndToEnd.Tests.Support;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.EndToEnd.Tests;

/// <summary>
/// `openpgb payments` keeps its exit codes for every error (0 done, 1 the work failed, 2 usage or environment) with
/// one line on stderr, never an unhandled crash, and never leaves an empty or invalid payment file behind.
/// </summary>
public sealed class CliPaymentTests
{
    [Fact]
    public async Task PaymentsCommands_OnBadInput_AnswerWithTheirExitCodesAndLeaveNoFile()
    {
        await using var database = await TestDatabase.CreateAsync();
        var world = await AgreementWorld.CreateAsync(database);
        var agreement = await world.ApprovedAsync();
        await world.ApprovedClaimAsync(AgreementWorld.Claim(agreement, hours: 2, month: 10));
        var env = Processes.PostgresEnvironment(database.ConnectionString);
        var dir = Directory.CreateTempSubdirectory("openpgb-cli-pay-").FullName;
        var target = Path.Combine(dir, "run.xml");

        var (unknownExit, unknownOutput) = await Processes.RunCliAsync(env, "payments", "file", "--run", "99", "--out", target);
        unknownExit.ShouldBe(2, unknownOutput);
        unknownOutput.ShouldContain("Payment run 99 does not exist");
        Directory.GetFiles(dir).ShouldBeEmpty();

        var (pastExit, pastOutput) = await Processes.RunCliAsync(env, "payments", "run", "--date", "2020-01-02", "--out", dir);
        pastExit.ShouldBe(2, pastOutput);
        pastOutput.ShouldContain("in the past");

        var (runExit, runOutput) = await Processes.RunCliAsync(env, "payments", "run", "--out", dir);
        runExit.ShouldBe(0, runOutput);
        var runId = await ScalarAsync(database, "SELECT MAX(\"Id\") FROM \"PaymentRuns\"");

        var (fileExit, fileOutput) = await Processes.RunCliAsync(env, "payments", "file", "--run", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", target);
        fileExit.ShouldBe(0, fileOutput);
        File.Exists(target).ShouldBeTrue();
        File.Delete(target);

        // A payment damaged after booking: the file cannot be valid, so none is written.
        await ScalarAsync(database, "UPDATE \"Payments\" SET \"CreditorName\" = '李明' RETURNING 1");
        var (badExit, badOutput) = await Processes.RunCliAsync(env, "payments", "file", "--run", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", target);
        badExit.ShouldBe(1, badOutput);
        badOutput.ShouldContain("cannot be written", Case.Sensitive, badOutput);
        badOutput.ShouldContain("Cdtr/Nm");
        Directory.GetFiles(dir).Where(f => !f.EndsWith(".xml", StringComparison.Ordinal) || f == target).ShouldBeEmpty();

        var (missingExit, missingOutput) = await Processes.RunCliAsync(env, "payments", "feedback", Path.Combine(dir, "bestaat-niet.xml"));
        missingExit.ShouldBe(2, missingOutput);
        Directory.Delete(dir, recursive: true);
    }

    private static async Task<long> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
