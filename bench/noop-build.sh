#!/usr/bin/env bash
# No-op incremental `dotnet build` of a web service with the ManifestTools package against the same service without it.
# Packs the package, creates both projects in a work folder, builds each once, then times RUNS no-op builds of each,
# alternating A and B so that machine noise hits both alike. Prints the medians and the overhead.
# usage: bench/noop-build.sh [RUNS=15]
set -euo pipefail
runs="${1:-15}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet pack "$root/nuget/ManifestTools.Package.csproj" -c Release -o "$work/feed" -nodeReuse:false >/dev/null
cat > "$work/NuGet.config" <<XML
<configuration>
  <packageSources><add key="bench" value="$work/feed" /></packageSources>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
</configuration>
XML

service() { # $1 folder, $2 extra project XML
  mkdir -p "$work/$1"
  cat > "$work/$1/Advertisements.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
$2
</Project>
XML
  printf 'var app = WebApplication.Create(args);\napp.MapGet("/ads", () => new[] { "ad" });\napp.Run();\n' > "$work/$1/Program.cs"
}

service without ""
service with '  <PropertyGroup>
    <ManifestNamespace>ns3</ManifestNamespace>
    <ContainerRegistry>registry.example</ContainerRegistry>
    <ContainerRepository>ecommerce/advertisements</ContainerRepository>
    <ManifestVersionEnvironmentVariable>DD_VERSION</ManifestVersionEnvironmentVariable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ManifestTools" Version="0.1.0" />
    <ContainerPort Include="5002" />
    <ServiceVersion Include="v1" ImageTag="1.0" Weight="100" />
    <ServiceVersion Include="v2" ImageTag="2.0" Weight="0" />
    <ServiceRoute Include="products" Header="page-source" Exact="products" Weights="v1=50;v2=50" />
  </ItemGroup>'

for p in without with; do (cd "$work/$p" && dotnet build >/dev/null && dotnet build >/dev/null); done
test -f "$work/with/manifests/advertisements.virtualservice.yaml"

time_build() { # prints the wall time of one `dotnet build` in seconds
  local start end
  start=$(date +%s%N)
  (cd "$work/$1" && dotnet build >/dev/null)
  end=$(date +%s%N)
  echo "scale=3; ($end - $start) / 1000000000" | bc
}

: > "$work/without.txt"; : > "$work/with.txt"
for _ in $(seq "$runs"); do
  time_build without >> "$work/without.txt"
  time_build with >> "$work/with.txt"
done

median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
a=$(median "$work/without.txt"); b=$(median "$work/with.txt")
echo "no-op dotnet build, median of $runs runs each, alternating:"
echo "  without ManifestTools: $a s"
echo "  with ManifestTools:    $b s"
echo "  overhead: $(echo "scale=1; ($b - $a) * 100 / $a" | bc) %"
