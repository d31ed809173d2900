// The shared kernel every module builds on: results and validation, the actor and her roles, the audit log, the
// database context. Module namespaces are imported file by file, so each file shows which modules it uses.
global using Traject.Web.Common;
global using Traject.Web.Common.Access;
global using Traject.Web.Common.Auditing;
global using Traject.Web.Data;
