using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenPgb.Core.Accounts;

/// <summary>
/// A signed-in session, kept server-side: the auth cookie carries only <see cref="Id"/>. Signing out deletes the row,
/// so a copy of the cookie (a shared computer, a stolen cookie) is worthless from that moment, on every web node. The
/// ticket is stored data-protected: it holds the user's claims, a citizen's BSN among them.
/// </summary>
public sealed class PortalSession
{
    private PortalSession()
    {
        Id = string.Empty;
        UserId = string.Empty;
        Ticket = [];
    }

    public PortalSession(string id, string userId, byte[] ticket, DateTimeOffset? expiresAt)
    {
        Id = id;
        UserId = userId;
        Ticket = ticket;
        ExpiresAt = expiresAt;
    }

    public string Id { get; private set; }

    public string UserId { get; private set; }

    public byte[] Ticket { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public void Renew(byte[] ticket, DateTimeOffset? expiresAt)
    {
        Ticket = ticket;
        ExpiresAt = expiresAt;
    }
}

internal sealed class PortalSessionMapping : IEntityTypeConfiguration<PortalSession>
{
    public void Configure(EntityTypeBuilder<PortalSession> builder)
    {
        builder.ToTable("PortalSessions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId).HasDatabaseName("ix_portal_sessions_user");
        builder.HasIndex(s => s.ExpiresAt).HasDatabaseName("ix_portal_sessions_expires");
    }
}
