using OpenPgb.Core.Data;
using OpenPgb.Core.Demo;

namespace OpenPgb.Web.Infrastructure;

/// <summary>On start: apply migrations, and on an empty database seed the demo when configured (the run command does).</summary>
public static class StartupTasks
{
    public static async Task RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = AccessScope.System;
        var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);

        if (!app.Configuration.GetValue<bool>("Demo:SeedOnStartup"))
        {
            return;
        }

        var seeded = await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>()
            .SeedAsync(app.Configuration.GetValue("Demo:BudgetHolders", 50), CancellationToken.None);
        app.Lifetime.ApplicationStarted.Register(() => PrintDemoLogins(app, seeded));
    }

    private static void PrintDemoLogins(WebApplication app, bool seeded)
    {
        var lines = new List<string>
        {
            string.Empty,
            "OpenPgb demo portal: " + string.Join(", ", app.Urls),
            seeded ? "Demo data written on this start." : "Demo data was already present.",
            $"Demo logins (password for all: {DemoDataSeeder.DemoPassword}):",
        };
        lines.AddRange(DemoDataSeeder.Logins.Select(l => $"  {l.UserName,-24} {l.Role} ({l.Description})"));
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
