using Traject.Web.Modules.Trajectories.Access;

namespace Traject.Tests.Unit;

/// <summary>The access policy's one table, basis by basis: who may read, record, steer and share in a dossier.</summary>
public sealed class AccessTableTests
{
    [Theory]
    [InlineData(AccessBasis.Coordinator, true, true, true, true)]
    [InlineData(AccessBasis.DesignatedExpert, true, true, true, true)]
    [InlineData(AccessBasis.CareTeam, true, true, false, false)]
    [InlineData(AccessBasis.HandoverLeaving, true, true, false, false)]
    [InlineData(AccessBasis.HandoverReceiving, true, false, false, false)]
    [InlineData(AccessBasis.Emergency, true, false, false, false)]
    public void Each_basis_allows_exactly_its_operations(string basis, bool read, bool record, bool steer, bool share)
    {
        Assert.Equal(
            (read, record, steer, share),
            (AccessPolicy.Allows(basis, DossierOperation.Read), AccessPolicy.Allows(basis, DossierOperation.Record),
                AccessPolicy.Allows(basis, DossierOperation.Steer), AccessPolicy.Allows(basis, DossierOperation.Share)));
    }

    [Fact]
    public void The_table_names_every_basis_and_no_basis_or_no_one_is_allowed_anything()
    {
        Assert.Equal(6, AccessPolicy.Permits.Count);
        Assert.False(AccessPolicy.Allows(null, DossierOperation.Read));
        Assert.False(AccessPolicy.Allows("police", DossierOperation.Read));
        Assert.False(AccessPolicy.Allows(AccessBasis.Coordinator, DossierOperation.Read | (DossierOperation)16));
    }
}
