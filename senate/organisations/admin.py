from django.contrib import admin

from senate.organisations.models import IcbArea, Organisation, Region, Senate, Succession

admin.site.register(Region)
admin.site.register(Senate, list_display=["name", "region", "established", "ended"])
admin.site.register(Organisation, list_display=["name", "code", "type", "valid_to"], search_fields=["name", "code"])
admin.site.register(IcbArea, list_display=["icb", "senate", "valid_from", "valid_to"])
admin.site.register(Succession, list_display=["predecessor", "kind", "successor", "effective"])
