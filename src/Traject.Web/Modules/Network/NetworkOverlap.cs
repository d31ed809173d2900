namespace Traject.Web.Modules.Network;

/// <summary>
/// Finds where one young person's network shares an identifier with other young people's. Pure code, no I/O.
/// Identifiers of the same young person never count (duplicates in her own network or in another of her
/// trajectories); a pair of trajectories is alerted once per identifier.
/// </summary>
internal static class NetworkOverlap
{
    /// <summary>One identifier as stored: whose network, which trajectory and entry, what kind, its keyed hash.</summary>
    internal sealed record Identifier(Guid YoungPersonId, Guid TrajectoryId, Guid EntryId, IdentifierKind Kind, string Hash);

    /// <summary>A new overlap: this trajectory's entry and the other trajectory that holds the same hash.</summary>
    internal sealed record Match(Guid TrajectoryId, Guid EntryId, IdentifierKind Kind, Guid OtherTrajectoryId, Guid OtherEntryId, IdentifierKind OtherKind, string Hash);

    /// <summary>
    /// The overlaps of <paramref name="mine"/> (the identifiers of one entry just saved) with <paramref name="stored"/>
    /// (every identifier with one of the same hashes), leaving out the same young person and pairs already alerted
    /// (<paramref name="alerted"/>: trajectory, other trajectory, hash).
    /// </summary>
    public static IReadOnlyList<Match> Find(
        IReadOnlyCollection<Identifier> mine,
        IEnumerable<Identifier> stored,
        IReadOnlySet<(Guid TrajectoryId, Guid OtherTrajectoryId, string Hash)> alerted)
    {
        var matches = new List<Match>();
        var seen = new HashSet<(Guid, Guid, string)>();
        var others = stored.ToList();
        foreach (var m in mine)
        {
            foreach (var o in others.Where(o => o.Hash == m.Hash && o.YoungPersonId != m.YoungPersonId)
                         .OrderBy(o => o.TrajectoryId).ThenBy(o => o.EntryId))
            {
                if (alerted.Contains((m.TrajectoryId, o.TrajectoryId, m.Hash)) || !seen.Add((m.TrajectoryId, o.TrajectoryId, m.Hash)))
                {
                    continue;
                }

                matches.Add(new Match(m.TrajectoryId, m.EntryId, m.Kind, o.TrajectoryId, o.EntryId, o.Kind, m.Hash));
            }
        }

        return matches;
    }
}
