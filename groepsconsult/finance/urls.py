from django.urls import path

from groepsconsult.finance import views

app_name = "finance"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("budget/", views.budget_list, name="budget-list"),
    path("budget/new/", views.budget_line_create, name="budget-line-create"),
    path("budget/<uuid:public_id>/", views.budget_line_edit, name="budget-line-edit"),
    path("assumptions/", views.assumption_list, name="assumption-list"),
    path("assumptions/defaults/", views.assumptions_seed, name="assumptions-seed"),
    path("assumptions/<uuid:public_id>/", views.assumption_edit, name="assumption-edit"),
    path("agreements/", views.agreement_list, name="agreement-list"),
    path("agreements/new/", views.agreement_create, name="agreement-create"),
    path("agreements/<uuid:public_id>/", views.agreement_edit, name="agreement-edit"),
    path("consultations/", views.consultation_cost_list, name="consultation-cost-list"),
    path(
        "consultations/<uuid:public_id>/",
        views.consultation_cost_detail,
        name="consultation-cost-detail",
    ),
    path(
        "consultations/<uuid:public_id>/costs/new/", views.cost_line_create, name="cost-line-create"
    ),
    path(
        "consultations/<uuid:public_id>/preparation/",
        views.session_preparation_edit,
        name="session-preparation-edit",
    ),
    path("costs/<uuid:public_id>/", views.cost_line_edit, name="cost-line-edit"),
]
