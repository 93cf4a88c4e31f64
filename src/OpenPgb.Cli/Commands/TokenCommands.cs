using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Cli.Commands;

internal static class TokenCommands
{
    public static Command Create()
    {
        var grantor = new Option<string>("--grantor") { Description = "Grantor code", Required = true };
        var issue = new Command("issue", "Issue a bearer token for a grantor's HTTP channel; the token is printed once") { grantor };
        issue.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.SystemScope();
            try
            {
                var (token, secret) = await scope.ServiceProvider.GetRequiredService<GrantorService>().IssueTokenAsync(parse.GetValue(grantor)!, cancellationToken);
                Console.Error.WriteLine($"Token {token.Id} issued. It is shown once and stored only as a hash:");
                Console.WriteLine(secret);
            }
            catch (GrantorException ex)
            {
                throw new CliException(ex.Message);
            }

            return ExitCodes.Success;
        });

        var id = new Option<long>("--id") { Description = "Token id", Required = true };
        var revoke = new Command("revoke", "Revoke a token") { id };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.SystemScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<GrantorService>().RevokeTokenAsync(parse.GetValue(id), cancellationToken);
                Console.WriteLine("Token revoked.");
            }
            catch (GrantorException ex)
            {
                throw new CliException(ex.Message);
            }

            return ExitCodes.Success;
        });
        return new Command("token", "Machine-channel tokens") { issue, revoke };
    }
}
