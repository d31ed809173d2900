using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Traject.Web.Data;

/// <summary>
/// A query compiled once per database model (<c>EF.CompileAsyncQuery</c>), for the hot path: EF otherwise walks, hashes
/// and looks up the query's expression tree on every execution. A compiled query refuses a context of another model, and
/// one process may hold more than one (SQLite and PostgreSQL side by side in the tests), so each model gets its own.
/// </summary>
internal sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    public TQuery For(DbContext db) => _compiled.GetValue(db.Model, _ => compile());
}
