using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Traject.Web.Modules.Organisations;

namespace Traject.Web.Modules.Auth;

/// <summary>How long what a node keeps of signed-in professionals may lag behind the database (ADR 0026).</summary>
internal sealed class SignedInCacheOptions
{
    public const string Section = "SignedIn";

    /// <summary>How often a node reads the <see cref="AuthVersion"/>: the longest delay on another node.</summary>
    public TimeSpan RecheckEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>When the last good read is older than this (database unreachable), nothing kept is used.</summary>
    public TimeSpan TrustFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A professional kept is read again after this however quiet the version stays (a safety net).</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>
/// What the sign-in check of every request needs, kept in memory on this node so that a signed-in request costs no
/// database round trip: the professional behind a principal (per id and security stamp) and the sessions ended by
/// log-out. Forgotten at once on this node when this node changes something it rests on
/// (<see cref="SignedInChangeInterceptor"/>), and on every node within <see cref="SignedInCacheOptions.RecheckEvery"/>
/// of any change, because the database raises <see cref="AuthVersion"/> with it. When the version cannot be read for
/// <see cref="SignedInCacheOptions.TrustFor"/>, every request goes to the database again (which then answers 503).
/// </summary>
internal sealed class SignedInCache(IOptions<SignedInCacheOptions> options)
{
    private readonly SignedInCacheOptions _options = options.Value;
    private readonly ConcurrentDictionary<(Guid Id, string? Stamp), Kept> _actors = new();
    private readonly ConcurrentDictionary<Guid, long> _endedHere = new();
    private readonly Lock _gate = new();
    private HashSet<Guid> _ended = [];
    private long _generation;
    private long _version = -1;
    private long _checkedAt;

    private sealed record Kept(Actor Actor, long At);

    /// <summary>A number that moves whenever what is kept is forgotten; a read started before it moved is not kept.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    private bool Trusted => Volatile.Read(ref _checkedAt) is var at && at != 0 && Stopwatch.GetElapsedTime(at) <= _options.TrustFor;

    public bool TryGet(Guid id, string? stamp, out Actor? actor)
    {
        actor = null;
        if (!Trusted || !_actors.TryGetValue((id, stamp), out var kept))
        {
            return false;
        }

        if (Stopwatch.GetElapsedTime(kept.At) > _options.KeepFor)
        {
            _actors.TryRemove((id, stamp), out _);
            return false;
        }

        actor = kept.Actor;
        return true;
    }

    /// <summary>Keeps a professional read from the database, unless something was forgotten since the read began.</summary>
    public void Keep(Guid id, string? stamp, Actor actor, long generation)
    {
        lock (_gate)
        {
            if (generation == _generation)
            {
                _actors[(id, stamp)] = new Kept(actor, Stopwatch.GetTimestamp());
            }
        }
    }

    /// <summary>Whether a session was ended by log-out, or null when this node cannot tell without the database.</summary>
    public bool? IsEnded(Guid session) => _endedHere.ContainsKey(session) ? true : Trusted ? Volatile.Read(ref _ended).Contains(session) : null;

    /// <summary>A session this node ended: refused here from now on, before the database has it.</summary>
    public void Ended(Guid session) => _endedHere[session] = Stopwatch.GetTimestamp();

    /// <summary>Forgets every professional kept (this node changed something her access rests on).</summary>
    public void Forget()
    {
        lock (_gate)
        {
            _generation++;
            _actors.Clear();
        }
    }

    /// <summary>Reads the version; when it moved, forgets the professionals kept and reads the ended sessions again.</summary>
    public async Task RefreshAsync(TrajectDb db, DateTimeOffset now, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var version = await db.AuthVersions.AsNoTracking().Where(v => v.Id == AuthVersion.RowId).Select(v => v.Version).SingleAsync(ct);
        if (version != Interlocked.Read(ref _version))
        {
            // The sessions are read after the version, so they are at least as new as it.
            var ended = await db.EndedSessions.AsNoTracking().Where(s => s.ExpiresAt > now).Select(s => s.Id).ToListAsync(ct);
            lock (_gate)
            {
                _generation++;
                _actors.Clear();
                _ended = [.. ended];
                _version = version;
            }
        }

        // Sessions ended here are in the database by now (or their log-out failed and the session counts as ended here).
        foreach (var (id, at) in _endedHere)
        {
            if (Stopwatch.GetElapsedTime(at) > SessionLifetime.Absolute)
            {
                _endedHere.TryRemove(id, out _);
            }
        }

        foreach (var ((id, stamp), kept) in _actors)
        {
            if (Stopwatch.GetElapsedTime(kept.At) > _options.KeepFor)
            {
                _actors.TryRemove((id, stamp), out _);
            }
        }

        Volatile.Write(ref _checkedAt, started);
    }
}

/// <summary>Reads the <see cref="AuthVersion"/> every <see cref="SignedInCacheOptions.RecheckEvery"/> on the real clock.</summary>
internal sealed class SignedInCacheRefresher(
    SignedInCache cache, IServiceScopeFactory scopes, IOptions<SignedInCacheOptions> options, TimeProvider time, ILogger<SignedInCacheRefresher> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.RecheckEvery;
        if (every <= TimeSpan.Zero)
        {
            return;
        }

        var failing = false;
        using var timer = new PeriodicTimer(every);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await cache.RefreshAsync(scope.ServiceProvider.GetRequiredService<TrajectDb>(), time.GetUtcNow(), stoppingToken);
                if (failing)
                {
                    log.LogInformation("The sign-in version is readable again.");
                    failing = false;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (!failing)
                {
                    log.LogWarning(e, "The sign-in version cannot be read; every request checks the database until it can.");
                    failing = true;
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>
/// Makes this node forget the professionals it keeps when a save changes something their access rests on, before and
/// after the save (so a read in between is not kept). Other nodes learn it from <see cref="AuthVersion"/>.
/// </summary>
internal sealed class SignedInChangeInterceptor(SignedInCache cache) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ForgetIfRelevant(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ForgetIfRelevant(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ForgetIfMarked(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ForgetIfMarked(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => ForgetIfMarked(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfMarked(eventData.Context);
        return Task.CompletedTask;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Marked = [];
    private static readonly object Mark = new();

    private void ForgetIfRelevant(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity is Professional or Organisation or EndedSession or Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>)
            {
                Marked.AddOrUpdate(context, Mark);
                cache.Forget();
                return;
            }
        }
    }

    private void ForgetIfMarked(DbContext? context)
    {
        if (context is not null && Marked.Remove(context))
        {
            cache.Forget();
        }
    }
}
