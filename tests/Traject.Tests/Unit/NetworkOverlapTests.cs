using Traject.Web.Modules.Network;

namespace Traject.Tests.Unit;

/// <summary>Overlap detection: other young people's identical identifiers alert, her own duplicates never do.</summary>
public class NetworkOverlapTests
{
    private static readonly Guid Her = Guid.NewGuid();
    private static readonly Guid HerTrajectory = Guid.NewGuid();
    private static readonly Guid HerOtherTrajectory = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly Guid OtherTrajectory = Guid.NewGuid();
    private static readonly Guid Third = Guid.NewGuid();
    private static readonly Guid ThirdTrajectory = Guid.NewGuid();
    private static readonly HashSet<(Guid, Guid, string)> None = [];

    private static NetworkOverlap.Identifier Id(Guid person, Guid trajectory, string hash, IdentifierKind kind = IdentifierKind.PhoneNumber) =>
        new(person, trajectory, Guid.NewGuid(), kind, hash);

    [Fact]
    public void The_same_hash_in_another_young_persons_network_is_an_overlap()
    {
        var mine = Id(Her, HerTrajectory, "h1");
        var theirs = Id(Other, OtherTrajectory, "h1", IdentifierKind.OnlineHandle);
        var match = Assert.Single(NetworkOverlap.Find([mine], [theirs], None));
        Assert.Equal((HerTrajectory, mine.EntryId, IdentifierKind.PhoneNumber), (match.TrajectoryId, match.EntryId, match.Kind));
        Assert.Equal((OtherTrajectory, theirs.EntryId, IdentifierKind.OnlineHandle), (match.OtherTrajectoryId, match.OtherEntryId, match.OtherKind));
    }

    [Fact]
    public void Her_own_duplicates_do_not_alert_in_the_same_or_another_of_her_trajectories()
    {
        var mine = Id(Her, HerTrajectory, "h1");
        Assert.Empty(NetworkOverlap.Find([mine], [Id(Her, HerTrajectory, "h1"), Id(Her, HerOtherTrajectory, "h1")], None));
    }

    [Fact]
    public void Different_hashes_do_not_match() =>
        Assert.Empty(NetworkOverlap.Find([Id(Her, HerTrajectory, "h1")], [Id(Other, OtherTrajectory, "h2")], None));

    [Fact]
    public void Each_other_trajectory_is_alerted_once_per_identifier()
    {
        var mine = Id(Her, HerTrajectory, "h1");
        var matches = NetworkOverlap.Find([mine], [Id(Other, OtherTrajectory, "h1"), Id(Other, OtherTrajectory, "h1"), Id(Third, ThirdTrajectory, "h1")], None);
        Assert.Equal(new[] { OtherTrajectory, ThirdTrajectory }.Order(), matches.Select(m => m.OtherTrajectoryId).Order());
    }

    [Fact]
    public void A_pair_already_alerted_for_this_identifier_is_not_alerted_again()
    {
        var mine = Id(Her, HerTrajectory, "h1");
        HashSet<(Guid, Guid, string)> alerted = [(HerTrajectory, OtherTrajectory, "h1")];
        Assert.Empty(NetworkOverlap.Find([mine], [Id(Other, OtherTrajectory, "h1")], alerted));
        Assert.Single(NetworkOverlap.Find([mine, Id(Her, HerTrajectory, "h2")], [Id(Other, OtherTrajectory, "h1"), Id(Other, OtherTrajectory, "h2")], alerted));
    }
}
