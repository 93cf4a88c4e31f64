using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Demo;

namespace OpenPgb.Cli.Commands;

internal static class DemoCommands
{
    public static Command Create()
    {
        var count = new Option<int>("--budget-holders") { Description = "How many budget holders to create", DefaultValueFactory = _ => 50 };
        var seed = new Command("seed", "Migrate and fill an empty database with demo data (grants arrive as real 501 messages)") { count };
        seed.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(count);
            if (n is < 3 or > 100_000)
            {
                throw new CliException("--budget-holders must be between 3 and 100000.");
            }

            await using var services = CliHost.Build();
            await using var scope = services.SystemScope();
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>(), cancellationToken);
            bool seeded;
            try
            {
                seeded = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(n, cancellationToken);
            }
            catch (ArgumentOutOfRangeException ex) when (ex.ParamName == "budgetHolders")
            {
                throw new CliException($"--budget-holders {n} is too small for the demo logins (an adult Amsterdam budget holder, a budget with a representative): use more; the default is 50.");
            }

            Console.WriteLine(seeded ? $"Demo data written: {n} budget holders. Password for every demo login: {DemoDataSeeder.DemoPassword}" : "The database already has grantors; demo data not written.");
            foreach (var login in DemoDataSeeder.Logins)
            {
                Console.WriteLine($"  {login.UserName,-24} {login.Role} ({login.Description})");
            }

            return ExitCodes.Success;
        });
        var output = new Option<string>("--out") { Description = "Directory to write to (one folder per municipality)", Required = true };
        var holders = new Option<int>("--budget-holders") { Description = "Budget holders per municipality", DefaultValueFactory = _ => 40 };
        var conversion = new Command("conversion", "Write a PGB1 export and the matching 501s (with differences, stragglers and a warning) for the two demo municipalities still on PGB1") { output, holders };
        conversion.SetAction(async (parse, cancellationToken) =>
        {
            var n = parse.GetValue(holders);
            if (n is < 4 or > 50_000)
            {
                throw new CliException("--budget-holders must be between 4 and 50000.");
            }

            var directory = Path.GetFullPath(parse.GetValue(output)!);
            var written = await DemoConversion.WriteAsync(directory, TimeProvider.System.Today(), n, cancellationToken);
            foreach (var (code, files) in written)
            {
                Console.WriteLine($"{code}: {files.BudgetHolders} budget holders ({files.Stragglers} stay on PGB1), {files.Agreements} agreements, {files.Claims} claims, {files.Payments} payments");
                Console.WriteLine($"  export:      {files.ExportDirectory} (.zip)");
                Console.WriteLine($"  501s:        {files.GrantsDirectory} (.zip)");
                Console.WriteLine($"  corrections: {files.CorrectionsDirectory} (.zip)");
            }

            return ExitCodes.Success;
        });
        return new Command("demo", "Demo data") { seed, conversion };
    }
}
