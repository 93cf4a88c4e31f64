using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenPgb.Core.Data;

namespace OpenPgb.Core.Accounts;

/// <summary>
/// Failed sign-ins counted per user name and client address together, in the database so every web node counts
/// the same. Five failures within 15 minutes lock that pair for 15 minutes. Per pair, not per user: nobody can lock
/// another person's account from their own address, and a name that does not exist is counted and locked exactly
/// like one that does, so the answers reveal nothing about which names exist. The key is a hash: what someone typed
/// as a user name (sometimes a password) is never stored.
/// </summary>
public sealed class LoginAttempts
{
    private LoginAttempts()
    {
        Key = string.Empty;
    }

    public string Key { get; private set; }

    public int Failures { get; private set; }

    public DateTimeOffset FirstFailureAt { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    internal static LoginAttempts First(string key, DateTimeOffset now) => new() { Key = key, FirstFailureAt = now };

    internal void Fail(DateTimeOffset now)
    {
        if (now - FirstFailureAt > LoginThrottle.Window && LockedUntil is null)
        {
            Failures = 0;
            FirstFailureAt = now;
        }

        Failures++;
        if (Failures >= LoginThrottle.MaxFailures)
        {
            LockedUntil = now + LoginThrottle.LockoutDuration;
        }
    }
}

public sealed class LoginThrottle(OpenPgbDbContext db, TimeProvider time)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public async Task<bool> IsLockedAsync(string userName, IPAddress? client, CancellationToken cancellationToken)
    {
        var key = KeyOf(userName, client);
        var now = time.GetUtcNow();
        var lockedUntil = await db.Set<LoginAttempts>().Where(a => a.Key == key).Select(a => a.LockedUntil).SingleOrDefaultAsync(cancellationToken);
        return lockedUntil is { } until && until > now;
    }

    /// <summary>Counts a failure; true when this pair is now locked.</summary>
    public async Task<bool> FailedAsync(string userName, IPAddress? client, CancellationToken cancellationToken)
    {
        var key = KeyOf(userName, client);
        var now = time.GetUtcNow();
        var attempts = await db.Set<LoginAttempts>().SingleOrDefaultAsync(a => a.Key == key, cancellationToken);
        if (attempts is not null && attempts.LockedUntil is { } until && until <= now)
        {
            db.Remove(attempts);
            await db.SaveChangesAsync(cancellationToken);
            attempts = null;
        }

        if (attempts is null)
        {
            attempts = LoginAttempts.First(key, now);
            db.Add(attempts);
        }

        attempts.Fail(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A parallel failure of the same pair inserted the row first; its count stands. The address's rate limit
            // bounds how many such races there can be.
            db.ChangeTracker.Clear();
        }

        // Forget pairs that have been quiet for a day.
        var stale = now.AddDays(-1);
        await db.Set<LoginAttempts>().Where(a => a.FirstFailureAt < stale && (a.LockedUntil == null || a.LockedUntil < stale)).ExecuteDeleteAsync(cancellationToken);
        return attempts.LockedUntil is { } lockedUntil && lockedUntil > now;
    }

    public async Task SucceededAsync(string userName, IPAddress? client, CancellationToken cancellationToken)
    {
        var key = KeyOf(userName, client);
        await db.Set<LoginAttempts>().Where(a => a.Key == key).ExecuteDeleteAsync(cancellationToken);
    }

    internal static string KeyOf(string userName, IPAddress? client)
    {
        var text = userName.Trim().ToUpperInvariant() + "\n" + (client?.MapToIPv6().ToString() ?? "unknown");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

internal sealed class LoginAttemptsMapping : IEntityTypeConfiguration<LoginAttempts>
{
    public void Configure(EntityTypeBuilder<LoginAttempts> builder)
    {
        builder.ToTable("LoginAttempts");
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).HasMaxLength(64);
        builder.HasIndex(a => a.FirstFailureAt).HasDatabaseName("ix_login_attempts_first_failure");
    }
}
