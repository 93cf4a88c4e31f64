using Microsoft.EntityFrameworkCore;
using OpenPgb.Core.Data;
using OpenPgb.Core.Grantors;
using OpenPgb.Core.Grants;
using OpenPgb.Core.Ipgb.Rules;
using OpenPgb.Core.Parties;

namespace OpenPgb.Core.Ipgb;

/// <summary>The original of a message identity: stored before, or earlier in this batch.</summary>
internal sealed record OriginalRef(long Id, IntakeMessage? InBatch, string ContentHash, string ReturnCodes, byte[]? Response, long? GrantId, Grant? GrantInBatch, string? BudgetKey);

/// <summary>
/// Stored state that a batch of messages needs, read with a few set-based queries, plus what earlier messages of the
/// same batch changed. Messages are decided in order, so a later message sees an earlier one exactly as it would
/// after a commit.
/// </summary>
internal sealed class IntakeBatchState
{
    private readonly Dictionary<string, Grantor> _grantors;
    private readonly Dictionary<(string Sender, string Code, string Id), OriginalRef> _originals;
    private readonly Dictionary<(int GrantorId, string Key), Grant> _grants;
    private readonly Dictionary<string, BudgetHolder> _holders;
    private readonly HashSet<(int GrantorId, string Bsn)> _stragglers;
    private readonly Dictionary<Grant, long> _surrogates = new(ReferenceEqualityComparer.Instance);

    private IntakeBatchState(
        Dictionary<string, Grantor> grantors,
        Dictionary<(string, string, string), OriginalRef> originals,
        Dictionary<(int, string), Grant> grants,
        Dictionary<string, BudgetHolder> holders,
        HashSet<(int, string)> stragglers)
    {
        _grantors = grantors;
        _originals = originals;
        _grants = grants;
        _holders = holders;
        _stragglers = stragglers;
    }

    public static async Task<IntakeBatchState> LoadAsync(OpenPgbDbContext db, IReadOnlyList<PreparedMessage> batch, string? authenticatedSender, CancellationToken cancellationToken)
    {
        var senders = batch.Select(p => p.Sniff?.Sender).Append(authenticatedSender).OfType<string>().Distinct().ToList();
        var grantors = await db.Grantors.AsNoTracking().Where(g => senders.Contains(g.Code)).ToDictionaryAsync(g => g.Code, cancellationToken);

        var identifications = batch.Select(p => p.Sniff?.Identification).OfType<string>().Distinct().ToList();
        var codes = batch.Select(p => p.Sniff?.Schema?.MessageCode).OfType<string>().Distinct().ToList();
        var originals = (await db.IntakeMessages.AsNoTracking()
                // All three columns of the identity index, each checked for null first (EF then leaves out its "or
                // the column is null and the list holds a null" branch). With the message code left out, PostgreSQL's
                // reused plan walked the index of every stored message per batch: at 100,000 messages this one
                // look-up took most of the intake's time.
                .Where(m => m.IsOriginal && m.Sender != null && m.MessageCode != null && m.Identification != null
                    && senders.Contains(m.Sender) && codes.Contains(m.MessageCode) && identifications.Contains(m.Identification))
                .Select(m => new { m.Sender, m.MessageCode, m.Identification, m.Id, m.ContentHash, m.ReturnCodes, m.Response, m.GrantId, m.BudgetKey })
                .ToListAsync(cancellationToken))
            .ToDictionary(m => (m.Sender!, m.MessageCode!, m.Identification!), m => new OriginalRef(m.Id, null, m.ContentHash, m.ReturnCodes, m.Response, m.GrantId, null, m.BudgetKey));

        var messages = batch.Select(p => p.Schema?.Message).OfType<Message501>().ToList();
        var grantorIds = grantors.Values.Select(g => g.Id).ToList();
        var keys = messages.SelectMany(m => new[] { m.Budget.BudgetKey, m.Budget.PreviousBudgetKey }).OfType<string>().Distinct().ToList();
        var grants = (await db.Grants
                .Include(g => g.BudgetHolder)
                .Include(g => g.Versions.Where(v => v.IsCurrent))
                .Include(g => g.Access)
                .Where(g => grantorIds.Contains(g.GrantorId) && keys.Contains(g.BudgetKey))
                .AsSplitQuery()
                .ToListAsync(cancellationToken))
            .ToDictionary(g => (g.GrantorId, g.BudgetKey));

        var bsns = messages.Select(m => m.Client.Bsn).Distinct().ToList();
        var holders = await db.BudgetHolders.Where(b => bsns.Contains(b.Bsn)).ToDictionaryAsync(b => b.Bsn, cancellationToken);
        var stragglers = (await db.Stragglers.AsNoTracking()
                .Where(s => grantorIds.Contains(s.GrantorId) && bsns.Contains(s.Bsn))
                .Select(s => new { s.GrantorId, s.Bsn })
                .ToListAsync(cancellationToken))
            .Select(s => (s.GrantorId, s.Bsn))
            .ToHashSet();
        return new IntakeBatchState(grantors, originals, grants, holders, stragglers);
    }

    public Grantor? Grantor(string? code) => code is null ? null : _grantors.GetValueOrDefault(code);

    public OriginalRef? Original(string sender, string code, string identification) => _originals.GetValueOrDefault((sender, code, identification));

    public void AddOriginal(IntakeMessage intake, Grant? grant) =>
        _originals[(intake.Sender!, intake.MessageCode!, intake.Identification!)] =
            new OriginalRef(0, intake, intake.ContentHash, intake.ReturnCodes, intake.Response, null, grant, intake.BudgetKey);

    public Grant? GrantOf(int grantorId, string? key) => key is null ? null : _grants.GetValueOrDefault((grantorId, key));

    /// <summary>What the business rules may know of stored state for this message.</summary>
    public StoredBudgetFacts FactsFor(Grantor? grantor, Message501 message)
    {
        if (grantor is null)
        {
            return StoredBudgetFacts.None;
        }

        var ofKey = GrantOf(grantor.Id, message.Budget.BudgetKey);
        var ofPrevious = GrantOf(grantor.Id, message.Budget.PreviousBudgetKey);
        return new StoredBudgetFacts(
            Surrogate(ofKey),
            ofKey?.BudgetHolder?.Bsn,
            Surrogate(ofPrevious),
            ofPrevious?.BudgetHolder?.Bsn,
            _stragglers.Contains((grantor.Id, message.Client.Bsn)));
    }

    public BudgetHolder HolderFor(ClientRecord client, IntakeAdditions added)
    {
        if (!_holders.TryGetValue(client.Bsn, out var holder))
        {
            holder = new BudgetHolder(client.Bsn, client.BirthDate, client.Name);
            added.Holders.Add(holder);
            _holders[client.Bsn] = holder;
        }
        else
        {
            holder.UpdatePersonalData(client.BirthDate, client.Name);
        }

        return holder;
    }

    public void Track(Grant grant, string? previousKey)
    {
        if (previousKey is not null)
        {
            _grants.Remove((grant.GrantorId, previousKey));
        }

        _grants[(grant.GrantorId, grant.BudgetKey)] = grant;
    }

    // Grants new in this batch have no id yet; rules compare identities, so they get a stable negative stand-in.
    private long? Surrogate(Grant? grant)
    {
        if (grant is null)
        {
            return null;
        }

        if (grant.Id != 0)
        {
            return grant.Id;
        }

        if (!_surrogates.TryGetValue(grant, out var id))
        {
            id = -(_surrogates.Count + 1);
            _surrogates[grant] = id;
        }

        return id;
    }
}
