app_name = "gp_import"
urlpatterns = []
