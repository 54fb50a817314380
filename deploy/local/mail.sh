# The local mail server for run.sh: smtp4dev, the .NET tool pinned in .config/dotnet-tools.json. It takes every mail
# the services send over SMTP and shows it on its web page; nothing is relayed anywhere. Sourced, not run.

# Restores the pinned tool (later runs find it in the NuGet cache) and prints its executable's path: run.sh starts it
# itself, as its own child, rather than through `dotnet tool run`, so that a stop reaches the server.
mail_server_executable() {
  dotnet tool restore </dev/null >/dev/null || { echo "mail server: dotnet tool restore failed" >&2; return 1; }
  local version packages executable
  version=$(dotnet tool list --local </dev/null | awk '$1 == "rnwood.smtp4dev" { print $2 }')
  [[ -n $version ]] || { echo "mail server: rnwood.smtp4dev is not in .config/dotnet-tools.json" >&2; return 1; }
  packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
  executable=$(compgen -G "$packages/rnwood.smtp4dev.linux-*/$version/tools/*/*/Rnwood.Smtp4dev" | head -n 1)
  [[ -n $executable && -x $executable ]] || { echo "mail server: no Rnwood.Smtp4dev $version executable under $packages" >&2; return 1; }
  echo "$executable"
}
