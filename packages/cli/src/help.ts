export const HELP = `acklint: lint Alibaba Cloud ACK CreateCluster request bodies (JSON, JSONC, YAML)

Usage
  acklint [options] <file|dir|glob>...
  acklint [options] -                    read one spec from standard input
  acklint plan [options] <file>...       print the address plan of specs (acklint plan --help)

Directories are searched for .json, .jsonc, .yaml and .yml files (node_modules and .git are skipped); only
files that look like CreateCluster bodies (an object with cluster_type, or a file listed under "files" in
the config) are linted there. Files named on the command line are always linted.

Options
  -f, --format <name>       stylish (default), json or sarif
  -o, --output <file>       write the report to a file instead of standard output
  -c, --config <file>       use this config instead of the nearest .acklint.yaml/.acklint.yml/.acklint.json
      --rule <id=severity>  set a rule to off, info, warning or error (repeatable)
      --inventory <file>    saved JSON output of aliyun vpc DescribeVpcs / DescribeVSwitches, aliyun cs
                            DescribeClustersV1 (compared with the specs by the network rules) or aliyun cs
                            ListAddons (the component catalogue addon names are checked against) (repeatable)
      --max-warnings <n>    exit 1 when there are more than n warnings
  -q, --quiet               report errors only
      --stdin-filename <f>  name for standard input: picks the format and the config
      --max-file-size <n>   largest file analysed (bytes, or e.g. 10MiB; default 10MiB)
      --list-rules          list the rules with their levels (--format json for JSON)
      --color, --no-color   force colours on or off (default: on for a terminal, off if NO_COLOR is set)
      --debug               print stack traces of internal errors
  -v, --version             print the version
  -h, --help                print this help

Exit codes
  0  no errors (and no more warnings than --max-warnings)
  1  errors found, or more warnings than --max-warnings
  2  usage, configuration, I/O or internal failure
`;
