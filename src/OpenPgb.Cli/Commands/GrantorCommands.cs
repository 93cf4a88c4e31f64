using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;

namespace OpenPgb.Cli.Commands;

internal static class GrantorCommands
{
    public static Command Create()
    {
        var code = new Option<string>("--code") { Description = "4-digit grantor code (municipality CBS code or care-office code)", Required = true };
        var name = new Option<string>("--name") { Description = "Name, e.g. \"Gemeente Amsterdam\"", Required = true };
        var kind = new Option<string>("--kind") { Description = "municipality or care-office", Required = true };
        kind.AcceptOnlyFromAmong("municipality", "care-office");
        var liveFrom = new Option<string?>("--live-from") { Description = "Freeze date (yyyy-MM-dd) from which messages go to OpenPgb" };

        var add = new Command("add", "Register a grantor") { code, name, kind, liveFrom };
        add.SetAction(async (parse, cancellationToken) =>
        {
            DateOnly? live = null;
            if (parse.GetValue(liveFrom) is { } text)
            {
                live = CliArguments.Date("--live-from", text);
            }

            await using var services = CliHost.Build();
            await using var scope = services.SystemScope();
            try
            {
                var grantor = await scope.ServiceProvider.GetRequiredService<GrantorService>().AddAsync(
                    parse.GetValue(code)!,
                    parse.GetValue(name)!,
                    parse.GetValue(kind) == "care-office" ? GrantorKind.CareOffice : GrantorKind.Municipality,
                    live,
                    cancellationToken);
                Console.WriteLine($"Grantor {grantor.Code} {grantor.Name} added (live from {grantor.LiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not set"}).");
            }
            catch (GrantorException ex)
            {
                throw new CliException(ex.Message);
            }

            return ExitCodes.Success;
        });

        var list = new Command("list", "List grantors");
        list.SetAction(async (_, cancellationToken) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.SystemScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            foreach (var g in await db.Grantors.OrderBy(g => g.Code).ToListAsync(cancellationToken))
            {
                Console.WriteLine($"{g.Code}  {g.Kind,-12}  live from {g.LiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",-10}  {g.Name}");
            }

            return ExitCodes.Success;
        });

        var liveCode = new Option<string>("--code") { Description = "4-digit grantor code", Required = true };
        var from = new Option<string>("--from") { Description = "First day (yyyy-MM-dd) the grantor's 501s go over the normal channels", Required = true };
        var live = new Command("live", "Set the grantor's live date; before it only the conversion channel takes its 501s") { liveCode, from };
        live.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(from)!;
            var date = CliArguments.Date("--from", text);
            await using var services = CliHost.Build();
            await CliDatabase.EnsureReadyAsync(services, cancellationToken);
            await using var scope = services.SystemScope();
            try
            {
                var grantor = await scope.ServiceProvider.GetRequiredService<GrantorService>().GoLiveAsync(parse.GetValue(liveCode)!, date, cancellationToken);
                Console.WriteLine($"Grantor {grantor.Code} {grantor.Name} is live from {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");
            }
            catch (GrantorException ex)
            {
                throw new CliException(ex.Message);
            }

            return ExitCodes.Success;
        });

        return new Command("grantor", "Grantors (verstrekkers)") { add, list, live };
    }
}
