"""Read template.yaml: CloudFormation short tags, parameters, conditions and intrinsic functions.

The local stack provisions from the very template that is deployed, so this module understands just
enough CloudFormation to turn the template into concrete values: ``!Ref``, ``!Sub``, ``!GetAtt``,
``!Join``, ``!If``, ``!Equals``, ``!Not``, ``!And``, ``!Or``, ``!Select``, ``!Split`` and the pseudo
parameters. Physical names of resources come from the caller (see ``provision``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Tags whose long form is {"Fn::<Name>": value}; !Ref and !Condition are the exceptions.
_FN_TAGS = (
    "And",
    "Base64",
    "Cidr",
    "Equals",
    "FindInMap",
    "GetAZs",
    "If",
    "ImportValue",
    "Join",
    "Not",
    "Or",
    "Select",
    "Split",
    "Sub",
    "Transform",
)
_SUB_VARIABLE = re.compile(r"\$\{([^}!][^}]*)\}")


# A SafeLoader that turns CloudFormation short tags into their long (JSON) form.
_CloudFormationLoader: Any = type("CloudFormationLoader", (yaml.SafeLoader,), {})


def _node_value(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    raise yaml.constructor.ConstructorError(None, None, f"unexpected node {node!r}", node.start_mark)


def _long_form(key: str) -> Callable[[yaml.SafeLoader, yaml.Node], dict[str, Any]]:
    def construct(loader: yaml.SafeLoader, node: yaml.Node) -> dict[str, Any]:
        return {key: _node_value(loader, node)}

    return construct


def _get_att(loader: yaml.SafeLoader, node: yaml.Node) -> dict[str, Any]:
    value = _node_value(loader, node)
    if isinstance(value, str):
        # "!GetAtt Resource.Attribute" (attributes may themselves contain dots, resources may not).
        resource, _, attribute = value.partition(".")
        value = [resource, attribute]
    return {"Fn::GetAtt": value}


for _name in _FN_TAGS:
    _CloudFormationLoader.add_constructor(f"!{_name}", _long_form(f"Fn::{_name}"))
_CloudFormationLoader.add_constructor("!Ref", _long_form("Ref"))
_CloudFormationLoader.add_constructor("!Condition", _long_form("Condition"))
_CloudFormationLoader.add_constructor("!GetAtt", _get_att)


def load_template(path: str | Path) -> dict[str, Any]:
    """Parse a CloudFormation/SAM YAML template into its JSON form (short tags expanded)."""
    text = Path(path).read_text(encoding="utf-8")
    document = yaml.load(text, Loader=_CloudFormationLoader)  # noqa: S506 (SafeLoader subclass)
    if not isinstance(document, dict) or "Resources" not in document:
        raise ValueError(f"{path} is not a CloudFormation template (no Resources)")
    return document


class UnresolvableError(ValueError):
    """A reference the local stack cannot turn into a value (unknown resource or attribute)."""


@dataclass
class Resolver:
    """Evaluates intrinsic functions against pseudo parameters, parameters and physical resources.

    ``refs`` maps a logical id to what ``Ref`` returns; ``attributes`` maps (logical id, attribute)
    to what ``GetAtt`` returns. Both are filled in as resources are provisioned.
    """

    template: Mapping[str, Any]
    stack_name: str = "claimdiff"
    region: str = "us-east-1"
    account_id: str = "123456789012"
    parameter_overrides: Mapping[str, str] = field(default_factory=dict)
    refs: dict[str, Any] = field(default_factory=dict)
    attributes: dict[tuple[str, str], Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.refs.update(
            {
                "AWS::StackName": self.stack_name,
                "AWS::Region": self.region,
                "AWS::AccountId": self.account_id,
                "AWS::Partition": "aws",
                "AWS::URLSuffix": "amazonaws.com",
                "AWS::StackId": (
                    f"arn:aws:cloudformation:{self.region}:{self.account_id}:stack/{self.stack_name}/local"
                ),
                "AWS::NoValue": None,
            }
        )
        for name, spec in dict(self.template.get("Parameters") or {}).items():
            value = self.parameter_overrides.get(name, spec.get("Default"))
            if value is None:
                raise UnresolvableError(f"parameter {name} has no default and no override")
            self.refs[name] = value
        self._conditions: dict[str, bool] = {}

    def condition(self, name: str) -> bool:
        """The value of a condition of the template's Conditions section."""
        if name not in self._conditions:
            definitions = self.template.get("Conditions") or {}
            if name not in definitions:
                raise UnresolvableError(f"unknown condition {name}")
            self._conditions[name] = bool(self.resolve(definitions[name]))
        return self._conditions[name]

    def resolve(self, value: Any) -> Any:
        """Evaluate every intrinsic function in ``value`` (recursively); plain values are returned as is."""
        if isinstance(value, list):
            return [item for item in (self.resolve(item) for item in value) if item is not None]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            ((key, argument),) = value.items()
            function = self._functions().get(key)
            if function is not None:
                return function(argument)
        resolved = {key: self.resolve(item) for key, item in value.items()}
        return {key: item for key, item in resolved.items() if item is not None}

    # ------------------------------------------------------------------ intrinsic functions

    def _functions(self) -> dict[str, Callable[[Any], Any]]:
        return {
            "Ref": self._ref,
            "Fn::GetAtt": self._get_att,
            "Fn::Sub": self._sub,
            "Fn::Join": lambda arg: str(arg[0]).join(
                str(self.resolve(part)) for part in self.resolve(arg[1])
            ),
            "Fn::Select": lambda arg: self.resolve(arg[1])[int(self.resolve(arg[0]))],
            "Fn::Split": lambda arg: str(self.resolve(arg[1])).split(str(arg[0])),
            "Fn::If": lambda arg: self.resolve(arg[1] if self.condition(arg[0]) else arg[2]),
            "Fn::Equals": lambda arg: self.resolve(arg[0]) == self.resolve(arg[1]),
            "Fn::Not": lambda arg: not self.resolve(arg[0]),
            "Fn::And": lambda arg: all(self.resolve(item) for item in arg),
            "Fn::Or": lambda arg: any(self.resolve(item) for item in arg),
            "Condition": self.condition,
        }

    def _ref(self, name: Any) -> Any:
        if name not in self.refs:
            raise UnresolvableError(f"Ref {name}: not provisioned locally")
        return self.refs[name]

    def _get_att(self, argument: Any) -> Any:
        resource, attribute = (str(part) for part in self.resolve(argument))
        if (resource, attribute) not in self.attributes:
            raise UnresolvableError(f"GetAtt {resource}.{attribute}: not provisioned locally")
        return self.attributes[(resource, attribute)]

    def _sub(self, argument: Any) -> str:
        if isinstance(argument, list):
            text, variables = str(argument[0]), {k: self.resolve(v) for k, v in argument[1].items()}
        else:
            text, variables = str(argument), {}

        def substitute(match: re.Match[str]) -> str:
            name = match.group(1).strip()
            if name in variables:
                return str(variables[name])
            if name in self.refs:
                return str(self.refs[name])
            if "." in name:
                resource, attribute = name.split(".", 1)
                return str(self._get_att([resource, attribute]))
            raise UnresolvableError(f"Sub ${{{name}}}: not provisioned locally")

        # "${!Literal}" is CloudFormation's escape for a literal "${Literal}".
        return _SUB_VARIABLE.sub(substitute, text).replace("${!", "${")

    # ------------------------------------------------------------------ dependencies

    @staticmethod
    def dependencies(value: Any) -> set[str]:
        """Logical ids that ``value`` refers to (Ref, GetAtt, and ${...} in Sub)."""
        found: set[str] = set()
        if isinstance(value, list):
            for item in value:
                found |= Resolver.dependencies(item)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key == "Ref" and isinstance(item, str):
                    found.add(item)
                elif key == "Fn::GetAtt":
                    target = item[0] if isinstance(item, list) else str(item).split(".", 1)[0]
                    found.add(str(target))
                elif key == "Fn::Sub":
                    text = item[0] if isinstance(item, list) else item
                    found |= {name.split(".", 1)[0] for name in _SUB_VARIABLE.findall(str(text))}
                    if isinstance(item, list):
                        found |= Resolver.dependencies(item[1])
                else:
                    found |= Resolver.dependencies(item)
        return {name for name in found if not name.startswith("AWS::")}
