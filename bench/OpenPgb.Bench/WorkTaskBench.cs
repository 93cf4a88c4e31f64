using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenPgb.Core;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.WorkTasks;
using OpenPgb.Testing;

/// <summary>
/// Work-task list benchmark (issue 4): 100,000 tasks for one grantor (beside 20,000 of another), then the list as an
/// employee opens it (filters, sorts, first and a deep page) and the start-page counts, each timed 30 times.
/// </summary>
internal static class WorkTaskBench
{
    private const int Repeats = 30;

    public static async Task<JsonObject> RunAsync(int tasks)
    {
        await using var server = await PostgresServer.StartAsync(durable: true);
        var connectionString = await server.CreateDatabaseAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestDatabase.Settings(connectionString)).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddOpenPgbCore()
            .BuildServiceProvider();
        int grantorId;
        await using (var scope = Scope(services, AccessScope.System))
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            var grantor = new Grantor("0363", "Gemeente Amsterdam", GrantorKind.Municipality, new DateOnly(2020, 1, 1));
            var other = new Grantor("0344", "Gemeente Utrecht", GrantorKind.Municipality, new DateOnly(2020, 1, 1));
            db.Grantors.AddRange(grantor, other);
            await db.SaveChangesAsync();
            grantorId = grantor.Id;
            await InsertAsync(services, grantor.Id, tasks);
            await InsertAsync(services, other.Id, tasks / 5);
        }

        var filters = new (string Name, WorkTaskFilter Filter)[]
        {
            ("open_by_deadline_page_1", new WorkTaskFilter()),
            ("open_by_deadline_page_200", new WorkTaskFilter(Page: 200)),
            ("all_newest_first", new WorkTaskFilter(Status: null, Sort: WorkTaskSort.Created)),
            ("open_of_one_type", new WorkTaskFilter(Type: WorkTaskType.PrintLetter)),
            ("assigned_to_me", new WorkTaskFilter(MineOnly: true)),
            ("unassigned_by_type", new WorkTaskFilter(UnassignedOnly: true, Sort: WorkTaskSort.Type)),
        };
        var results = new JsonObject();
        foreach (var (name, filter) in filters)
        {
            results[name] = await TimeAsync(services, grantorId, s => s.ListAsync("user-1", filter, CancellationToken.None));
        }

        results["start_page_counts"] = await TimeAsync(services, grantorId, s => s.CountsAsync("user-1", CancellationToken.None));
        return new JsonObject
        {
            ["tasks_of_grantor"] = tasks,
            ["tasks_of_other_grantor"] = tasks / 5,
            ["repeats"] = Repeats,
            ["milliseconds"] = results,
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            ["notes"] = "PostgreSQL 15, fsync on; times include the round trip from the service through EF Core (one scope per call).",
        };
    }

    private static async Task InsertAsync(ServiceProvider services, int grantorId, int count)
    {
        var random = new Random(grantorId);
        var types = Enum.GetValues<WorkTaskType>();
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        for (var done = 0; done < count; done += 5_000)
        {
            await using var scope = Scope(services, AccessScope.System);
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + 5_000); i++)
            {
                var task = new WorkTask(grantorId, types[random.Next(types.Length)], WorkTaskSubject.CareAgreement, i + 1, null, $"Taak {i}", new DateOnly(2026, 1, 1).AddDays(random.Next(365)), start.AddMinutes(i));
                if (random.Next(10) == 0)
                {
                    task.AssignTo(random.Next(2) == 0 ? "user-1" : "user-2", "Medewerker");
                }

                if (random.Next(3) == 0)
                {
                    task.Complete("Medewerker", start.AddMinutes(i + 60));
                }

                db.WorkTasks.Add(task);
            }

            await db.SaveChangesAsync();
        }
    }

    private static async Task<JsonObject> TimeAsync<T>(ServiceProvider services, int grantorId, Func<WorkTaskService, Task<T>> query)
    {
        var times = new List<double>();
        for (var i = 0; i < Repeats + 3; i++)
        {
            await using var scope = Scope(services, AccessScope.ForGrantors([grantorId]));
            var watch = Stopwatch.StartNew();
            await query(scope.ServiceProvider.GetRequiredService<WorkTaskService>());
            watch.Stop();
            if (i >= 3)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return new JsonObject
        {
            ["p50"] = Math.Round(times[times.Count / 2], 1),
            ["p95"] = Math.Round(times[(int)(times.Count * 0.95)], 1),
            ["max"] = Math.Round(times[^1], 1),
        };
    }

    private static AsyncServiceScope Scope(ServiceProvider services, AccessScope access)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Current = access;
        return scope;
    }

    public static async Task WriteAsync(JsonObject result, string outFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(outFile)!);
        await File.WriteAllTextAsync(outFile, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
        Console.WriteLine(result.ToJsonString());
        Console.WriteLine($"Written {outFile}");
    }
}
