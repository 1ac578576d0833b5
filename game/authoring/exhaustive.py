"""Exhaustive playthroughs: every reachable state once, breadth first, with every chance outcome.

A state is the scene plus what can still change what happens (game.authoring.statekey). The
walk keeps the graph of states so that it can give, for each ending, the shortest path (the
first found, breadth first) and the longest (over the graph's loops-free part; a loop on the
way makes it unbounded).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from functools import partial

from game.authoring.coverage import Path, PerspectiveReport, Report, page_words
from game.authoring.flow import strongly_connected
from game.authoring.randomwalk import stuck_message, trapped_message
from game.authoring.scripted import Scripted, every_outcome
from game.authoring.statekey import StateKey
from game.engine.expr import StoryRuntimeError
from game.engine.model import Story

DEFAULT_CAP = 200_000  # states per perspective and mode

Key = tuple
Edge = tuple[Key, str, tuple[bool, ...]]  # (to, choice text, chance answers on the way)


@dataclass(slots=True)
class Node:
    scene: str
    vars: dict
    visits: dict
    used_once: set
    page: tuple[bool, ...]  # the chance() answers that laid out its page
    words: int
    ending: str | None
    parent: tuple[Key, str, tuple[bool, ...]] | None  # the first way found here
    options: int  # how many choices its page offers


@dataclass
class Arrival:
    key: Key
    node: Node
    stuck: bool
    offered: list[str]


@dataclass
class Graph:
    """The states met and the moves between them, for one perspective and mode."""

    nodes: dict[Key, Node] = field(default_factory=dict)
    edges: dict[Key, list[Edge]] = field(default_factory=dict)
    starts: dict[Key, tuple[bool, ...]] = field(default_factory=dict)  # start key -> answers


def exhaustive(story: Story, modes: list[tuple[str, bool]], cap: int = DEFAULT_CAP) -> Report:
    report = Report(story, "exhaustive")
    for pid, museum in modes:
        Explorer(story, pid, museum, cap, report.of(pid)).run()
    return report


class Explorer:
    def __init__(self, story: Story, pid: str, museum: bool, cap: int,
                 report: PerspectiveReport) -> None:  # fmt: skip
        self.story, self.pid, self.museum, self.cap = story, pid, museum, cap
        self.report = report
        self.keyer = StateKey.of(story, story.perspective(pid))
        self.graph = Graph()
        self.pt: Scripted | None = None

    # -- the walk
    def run(self) -> Graph:
        queue: deque[Key] = deque()
        for arrival in every_outcome(self._start):
            if arrival is not None and self._add(arrival, None):
                self.graph.starts[arrival.key] = arrival.node.page
                queue.append(arrival.key)
        while queue:
            key = queue.popleft()
            for arrival in self._moves(key):
                if self._add(arrival, key) and arrival.node.ending is None and not arrival.stuck:
                    queue.append(arrival.key)
        self.report.states += len(self.graph.nodes)
        self._trapped()
        self._longest_paths()
        return self.graph

    def _start(self, forced: tuple[bool, ...]) -> tuple[Arrival | None, int]:
        try:
            pt = Scripted.begin(self.story, self.pid, seed=0, museum=self.museum,
                                script=forced, default=False)  # fmt: skip
        except StoryRuntimeError as exc:
            self.report.issue("runtime error", str(exc), self._path(None, (), ()))
            return None, len(forced)
        self.pt = pt
        return self._arrival(pt.given(), None), len(pt.answers)

    def _moves(self, key: Key) -> list[Arrival]:
        arrivals = []
        for index in range(self.graph.nodes[key].options):
            for arrival in every_outcome(partial(self._move, key, index)):
                if arrival is not None:
                    arrivals.append(arrival)
        return arrivals

    def _move(self, key: Key, index: int, forced: tuple[bool, ...]):
        node = self.graph.nodes[key]
        pt = self._restore(node)
        text = pt.choices()[index].text
        try:
            pt.choose_scripted(index, forced)
        except StoryRuntimeError as exc:
            path = self._path(key, (text,), pt.given())
            self.report.issue("runtime error", str(exc), path)
            return None, len(pt.answers)
        finally:
            pt.steps.clear()  # the walk keeps its own paths; undo records would only pile up
        page = tuple(answer for answer, arrived in pt.answers if arrived)
        return self._arrival(page, (key, text, pt.given())), len(pt.answers)

    @property
    def current(self) -> Scripted:
        """The playthrough the walk moves (set by its first move)."""
        assert self.pt is not None
        return self.pt

    def _restore(self, node: Node) -> Scripted:
        pt = self.current
        pt.follow(node.page, default=False)
        pt.restore_state(node.scene, node.vars, node.visits, 0, node.used_once)
        return pt

    def _arrival(self, page: tuple[bool, ...], parent) -> Arrival:
        pt = self.current
        offered = [o.choice.id for o in pt.choices()]
        node = Node(pt.scene.id, dict(pt.vars), dict(pt.visits), set(pt.used_once), page,
                    page_words(pt), pt.ending.id if pt.ending else None, parent,
                    len(offered))  # fmt: skip
        return Arrival(self.keyer.key(pt, page), node, pt.is_stuck, offered)

    def _add(self, arrival: Arrival, source: Key | None) -> bool:
        """Record the move; True when it found a new state to explore."""
        graph, key = self.graph, arrival.key
        if source is not None and arrival.node.parent is not None:  # set for every move
            _, text, answers = arrival.node.parent
            graph.edges.setdefault(source, []).append((key, text, answers))
        if key in graph.nodes or len(graph.nodes) >= self.cap:
            self.report.capped |= key not in graph.nodes
            return False
        graph.nodes[key] = node = arrival.node
        self.report.reached.add(node.scene)
        self.report.offered.update((node.scene, cid) for cid in arrival.offered)
        if node.ending:
            self.report.ending(node.ending, self._path_to(key))
        elif arrival.stuck:
            self.report.issue("dead end", stuck_message(self.current), self._path_to(key))
        return True

    def _trapped(self) -> None:
        """States from which no ending (nor a dead end, reported already) can be reached."""
        graph = self.graph
        back: dict[Key, list[Key]] = {}
        escape = [k for k, n in graph.nodes.items() if n.ending or not graph.edges.get(k)]
        for source, edges in graph.edges.items():
            for target, _, _ in edges:
                if target in graph.nodes:
                    back.setdefault(target, []).append(source)
                else:  # beyond the cap: what lies there is unknown, so not called a trap
                    escape.append(source)
        free = set(escape)
        todo = list(escape)
        while todo:
            for source in back.get(todo.pop(), ()):
                if source not in free:
                    free.add(source)
                    todo.append(source)
        trapped = [k for k in graph.nodes if k not in free]  # breadth-first order
        if trapped:
            loop = sorted({graph.nodes[k].scene for k in trapped})
            message = trapped_message(self.story, loop)
            self.report.issue("trapped loop", message, self._path_to(trapped[0]))

    # -- paths
    def _path_to(self, key: Key) -> Path:
        return self._path(key, (), ())

    def _path(self, key: Key | None, more: tuple[str, ...], answers: tuple[bool, ...]) -> Path:
        """The first-found way to the state `key`, then the moves `more`."""
        choices: list[str] = []
        chance: list[tuple[bool, ...]] = [answers]
        words = 0
        while key is not None:
            node = self.graph.nodes[key]
            words += node.words
            if node.parent is None:
                chance.append(self.graph.starts.get(key, node.page))
                break
            key, text, given = node.parent
            choices.append(text)
            chance.append(given)
        flat = tuple(a for part in reversed(chance) for a in part)
        return Path(self.pid, self.museum, 0, tuple(reversed(choices)) + more, words, flat)

    def _longest_paths(self) -> None:
        """For each ending, the longest way to it through the state graph, or unbounded."""
        graph = self.graph
        best: dict[Key, tuple[int, int, Key | None, str, tuple]] = {
            k: (0, graph.nodes[k].words, None, "", graph.starts[k]) for k in graph.starts
        }
        unbounded: set[Key] = set()

        def targets(key: Key) -> list[Key]:
            return [e[0] for e in graph.edges.get(key, ()) if e[0] in graph.nodes]

        for component in reversed(strongly_connected(graph.nodes, targets)):
            if len(component) > 1 or component[0] in targets(component[0]):
                unbounded.update(component)
            for key in component:
                self._relax(key, best, unbounded)
        for key, node in graph.nodes.items():
            if node.ending:
                stats = self.report.endings[node.ending]
                stats.unbounded |= key in unbounded
                if key in best:
                    stats.add(self._best_path(key, best), count=0)

    def _relax(self, key: Key, best: dict, unbounded: set[Key]) -> None:
        for target, text, answers in self.graph.edges.get(key, ()):
            if target not in self.graph.nodes:  # beyond the cap
                continue
            if key in unbounded:  # whatever follows a loop can be reached by longer and longer ways
                unbounded.add(target)
                continue
            if key not in best:
                continue
            choices, words = best[key][0] + 1, best[key][1] + self.graph.nodes[target].words
            if target not in best or (choices, words) > best[target][:2]:
                best[target] = (choices, words, key, text, answers)

    def _best_path(self, key: Key, best: dict) -> Path:
        choices, words = best[key][0], best[key][1]
        texts: list[str] = []
        chance: list[tuple] = []
        while key is not None:
            _, _, previous, text, answers = best[key]
            chance.append(answers)
            if previous is not None:
                texts.append(text)
            key = previous
        flat = tuple(a for part in reversed(chance) for a in part)
        assert len(texts) == choices
        return Path(self.pid, self.museum, 0, tuple(reversed(texts)), words, flat)
