"""The contract for corrections: any published object can be corrected.

A model that accepts corrections mixes in `Correctable` and names the fields a
contributor may propose new text for. The moderation app shows the current
values, stores the proposed ones, diffs them for the editor, and on approval
calls `apply_correction` inside its transaction. A model whose correction
writes other rows (a directory listing's phones, say) overrides
`correctable_fields` and leaves applying to its app's services, named as
`apply_correction` by its contribution kind (moderation/kinds.py).
"""

from django.core.exceptions import ValidationError


class Correctable:
    CORRECTABLE_FIELDS: tuple[str, ...] = ()

    def correctable_fields(self) -> dict[str, tuple[str, str]]:
        """Field name -> (human label, current value as text)."""
        result = {}
        for name in self.CORRECTABLE_FIELDS:
            field = self._meta.get_field(name)
            value = getattr(self, name)
            result[name] = (str(field.verbose_name).capitalize(), "" if value is None else str(value))
        return result

    def apply_correction(self, changes: dict[str, str]) -> None:
        """Set the proposed values, validate and save (the caller holds the transaction)."""
        unknown = set(changes) - set(self.correctable_fields())
        if unknown:
            raise ValidationError(f"Not correctable: {', '.join(sorted(unknown))}")
        for name, value in changes.items():
            setattr(self, name, value)
        self.full_clean()
        self.save()
