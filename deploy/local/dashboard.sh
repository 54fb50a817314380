# The local telemetry dashboard for run.sh: the standalone Aspire dashboard, a self-contained executable that
# deploy/local/dashboard/Dashboard.csproj pulls from NuGet (no Docker). Sourced, not run.

# Restores the package once (later runs find it in the NuGet cache) and prints the executable's path.
dashboard_executable() {
  local project=deploy/local/dashboard/Dashboard.csproj
  dotnet restore "$project" -nologo -v quiet </dev/null >&2
  local executable
  executable=$(dotnet msbuild "$project" -nologo -getProperty:DashboardExecutable </dev/null)
  [[ -x $executable ]] || { echo "dashboard: $executable is missing after restoring $project" >&2; return 1; }
  echo "$executable"
}
