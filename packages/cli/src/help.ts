export const HELP = `acklint: lint ACK CreateCluster request bodies (JSON, JSONC, YAML)

Usage
  acklint [options] <file|dir|glob>...
  acklint [options] -               read one spec from standard input
  acklint plan [options] <file>...  address plan of specs (acklint plan --help)

Directories are searched for .json, .jsonc, .yaml and .yml files (node_modules
and .git are skipped); only files that look like CreateCluster bodies (with
cluster_type, or listed under "files" in the config) are linted there. Files
named on the command line are always linted, unless --only-specs is given.

Options
  -f, --format <name>     stylish (default), json, sarif, github, gitlab,
                          junit or checkstyle
  -o, --output <file>     write the report to a file, not standard output
  -c, --config <file>     use this config, not the nearest .acklint.yaml,
                          .acklint.yml or .acklint.json
      --rule <id=level>   set a rule to off, info, warning (warn) or error
                          (repeatable)
      --fix               apply safe fixes to the files
      --fix-dry-run       compute safe fixes without writing (the fixed text
                          is the "output" of --format json)
      --only-specs        skip named files that are not cluster specs
                          (pre-commit hooks: compose files, workflows...)
      --inventory <file>  saved JSON output of aliyun vpc DescribeVpcs or
                          DescribeVSwitches, aliyun cs DescribeClustersV1
                          (for the network rules) or aliyun cs ListAddons
                          (the addon catalogue) (repeatable)
      --max-warnings <n>  exit 1 when there are more than n warnings
  -q, --quiet             report errors only
      --report-unused-disable-directives
                          report acklint-disable comments that suppress nothing
                          (a warning; on by default when CI is set)
      --no-inline-config  ignore acklint-disable comments
      --sarif-base <dir>  paths in sarif, github and gitlab reports relative to
                          this directory (default: the git top level)
      --stdin-filename <f>
                          name for standard input: picks format and config
      --max-file-size <n> largest file analysed (bytes or e.g. 10MiB; 10MiB)
      --cache             reuse the findings of files unchanged since the last
                          --cache run (same config, rules, inventory, acklint)
      --cache-location <f>
                          the cache file, or a directory for .acklintcache
      --list-rules        list the rules with their levels (--format json)
      --print-config <f>  print the config that applies to file f (JSON)
      --color, --no-color force colours on or off (default: on for a
                          terminal, off if NO_COLOR is set)
      --debug             print stack traces of internal errors
  -v, --version           print the version
  -h, --help              print this help

Exit codes
  0  no errors (and no more warnings than --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  usage, configuration, I/O or internal failure
`;
