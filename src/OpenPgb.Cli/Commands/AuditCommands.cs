using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Audit;

namespace OpenPgb.Cli.Commands;

internal static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check the access log's hash chain (NEN 7513): every row intact, none missing or re-linked");
        verify.SetAction(async (_, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.SystemScope();
            var result = await scope.ServiceProvider.GetRequiredService<AccessLogVerifier>().VerifyAsync(cancellationToken);
            if (result.IsIntact)
            {
                Console.WriteLine($"Access log intact: {result.RowsChecked} rows checked.");
                return ExitCodes.Success;
            }

            await Console.Error.WriteLineAsync($"openpgb: access log broken at row {result.FirstBrokenSequence}: {result.Problem} ({result.RowsChecked} rows before it are intact).");
            return ExitCodes.CheckFailed;
        });
        return new Command("audit", "Access log") { verify };
    }
}
