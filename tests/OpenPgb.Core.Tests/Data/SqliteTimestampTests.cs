using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Testing;
using Shouldly;

namespace OpenPgb.Core.Tests.Data;

/// <summary>
/// On the embedded SQLite default, timestamps can be sorted and compared in queries (EF Core refuses both for a plain
/// DateTimeOffset column there, which made every time-sorted list answer 500), in time order across offsets and
/// sub-second precision, and read back as the same instant.
/// </summary>
public sealed class SqliteTimestampTests
{
    [Fact]
    public async Task Timestamps_OnSqlite_SortCompareAndRoundTrip()
    {
        await using var database = await TestDatabase.CreateSqliteAsync();
        var baseTime = new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero);
        DateTimeOffset[] issued =
        [
            baseTime.AddTicks(5),
            new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.FromHours(1)), // 00:00 UTC: after the first, before the last
            baseTime,
            baseTime.AddSeconds(2).AddMilliseconds(500),
        ];
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var grantor = new Grantor("0363", "Gemeente Amsterdam", GrantorKind.Municipality, null);
            db.Grantors.Add(grantor);
            await db.SaveChangesAsync();
            foreach (var at in issued)
            {
                db.ApiTokens.Add(ApiToken.Issue(grantor.Id, at).Token);
            }

            await db.SaveChangesAsync();
        }

        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenPgbDbContext>();
            var ordered = await db.ApiTokens.OrderBy(t => t.CreatedAt).Select(t => t.CreatedAt).ToListAsync();
            var later = await db.ApiTokens.CountAsync(t => t.CreatedAt > baseTime);
            var newest = await db.ApiTokens.OrderByDescending(t => t.CreatedAt).Select(t => t.CreatedAt).FirstAsync();

            ordered.ShouldBe([.. issued.OrderBy(t => t.UtcTicks)]);
            later.ShouldBe(3);
            newest.ShouldBe(baseTime.AddSeconds(2).AddMilliseconds(500));
            newest.Offset.ShouldBe(TimeSpan.Zero);
        }
    }
}
