"""Commands for the people who write releases: a new project, a new release, the move between
the two layouts, the editor schema, where every release stands. Each command's logic is one
module here; ``pressgen.cli`` only parses options and prints. Nothing here imports click."""
