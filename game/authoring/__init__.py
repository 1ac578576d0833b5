"""Tools for authors: the checker, the terminal player, and (later) walk, graph and plans."""
