using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Tests.Unit;

/// <summary>The access policy's one table, basis by basis: who may read, record, steer and share in a dossier, and see and record the follow-up contacts.</summary>
public sealed class AccessTableTests
{
    [Theory]
    [InlineData(AccessBasis.Coordinator, true, true, true, true, true, true)]
    [InlineData(AccessBasis.DesignatedExpert, true, true, true, true, true, true)]
    [InlineData(AccessBasis.CareTeam, true, true, false, false, true, true)]
    [InlineData(AccessBasis.HandoverLeaving, true, true, false, false, true, true)]
    [InlineData(AccessBasis.HandoverReceiving, true, false, false, false, true, false)]
    [InlineData(AccessBasis.Emergency, true, false, false, false, true, false)]
    [InlineData(AccessBasis.AftercareTrusted, false, false, false, false, true, true)]
    public void Each_basis_allows_exactly_its_operations(string basis, bool read, bool record, bool steer, bool share, bool readFollowUps,
        bool recordFollowUps)
    {
        Assert.Equal(
            (read, record, steer, share, readFollowUps, recordFollowUps),
            (AccessPolicy.Allows(basis, DossierOperation.Read), AccessPolicy.Allows(basis, DossierOperation.Record),
                AccessPolicy.Allows(basis, DossierOperation.Steer), AccessPolicy.Allows(basis, DossierOperation.Share),
                AccessPolicy.Allows(basis, DossierOperation.ReadFollowUps), AccessPolicy.Allows(basis, DossierOperation.RecordFollowUps)));
    }

    [Fact]
    public void The_table_names_every_basis_and_no_basis_or_no_one_is_allowed_anything()
    {
        Assert.Equal(7, AccessPolicy.Permits.Count);
        Assert.False(AccessPolicy.Allows(null, DossierOperation.Read));
        Assert.False(AccessPolicy.Allows("police", DossierOperation.Read));
        Assert.False(AccessPolicy.Allows(AccessBasis.Coordinator, DossierOperation.Read | (DossierOperation)64));
    }
}
