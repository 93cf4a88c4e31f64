using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Common;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Ipgb;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Ipgb;

/// <summary>
/// A large file import on PostgreSQL analyses the intake's tables as they grow (at 2,000 messages, then at five times
/// the last), so PostgreSQL does not keep reusing plans it made while they were nearly empty.
/// </summary>
public sealed class BulkImportStatisticsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private string _dir = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _dir = Directory.CreateTempSubdirectory("openpgb-bulk-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task AnImportOfMoreThan2000Messages_AnalysesTheIntakeTables_ASmallerOneDoesNot()
    {
        await _db.AddGrantorAsync("0363");
        var generator = new SyntheticMessageGenerator(7, [("0363", GrantorKind.Municipality)], _db.Clock.Today());
        var files = new List<string>();
        for (var i = 1; i <= 3_600; i++)
        {
            var path = Path.Combine(_dir, $"m-{i:D5}.xml");
            await File.WriteAllBytesAsync(path, Message501Writer.Write(generator.Next(i)));
            files.Add(path);
        }

        (await LastAnalyzedAsync()).ShouldBeNull();
        await ImportAsync(files.Take(1_500));
        (await LastAnalyzedAsync()).ShouldBeNull("1,500 messages do not call for it yet");

        var summary = await ImportAsync(files.Skip(1_500));

        summary.Accepted.ShouldBe(2_100);
        (await LastAnalyzedAsync()).ShouldNotBeNull();
    }

    private async Task<ImportSummary> ImportAsync(IEnumerable<string> files)
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<MessageFileImporter>().ImportAsync(files, null, MessageChannel.File, null, CancellationToken.None);
    }

    private async Task<DateTimeOffset?> LastAnalyzedAsync()
    {
        await using var scope = _db.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>().Database
            .SqlQueryRaw<DateTimeOffset?>("""SELECT last_analyze AS "Value" FROM pg_stat_user_tables WHERE relname = 'IntakeMessages'""")
            .SingleAsync();
    }
}
